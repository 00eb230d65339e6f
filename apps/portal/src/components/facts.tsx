import type { ReactNode } from 'react';

/**
 * A list of facts (GOV.UK's summary list): term beside value where there is room, term above value on a
 * phone, so long names, NIPs and addresses never squeeze into a narrow column.
 */
export function Facts({ children }: { children: ReactNode }) {
  return (
    <dl className="facts" style={{ display: 'block' }}>
      {children}
    </dl>
  );
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: '1rem', marginBottom: '0.5rem' }}>
      <dt style={{ flex: '1 1 11rem' }}>{term}</dt>
      <dd style={{ flex: '999 1 14rem', minWidth: 0, overflowWrap: 'anywhere' }}>{children}</dd>
    </div>
  );
}
