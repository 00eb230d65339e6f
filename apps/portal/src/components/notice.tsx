import type { ReactNode } from 'react';
import { ApiProblem } from '../api/client';
import { t } from '../i18n';

type Tone = 'info' | 'success' | 'warning' | 'error';

/** A message in words and colour; errors interrupt a screen reader, the rest wait their turn. */
export function Notice({ tone = 'info', title, children }: { tone?: Tone; title?: string; children?: ReactNode }) {
  return (
    <div className={`notice ${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <strong>{title}</strong>}
      {children}
    </div>
  );
}

/** What the platform said, or the generic apology when it said nothing useful. */
export function ProblemNotice({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof ApiProblem ? error.message : t.common.error;
  const fields = error instanceof ApiProblem ? error.details.filter((d) => d.message !== message) : [];
  return (
    <Notice tone="error">
      {message}
      {fields.length > 0 && (
        <ul>
          {fields.map((d) => (
            <li key={d.field}>
              {d.field}: {d.message}
            </li>
          ))}
        </ul>
      )}
    </Notice>
  );
}

/** Loading and failure of a query, so each page shows only its data. */
export function Loading({ error, children }: { error?: unknown; children?: ReactNode }) {
  if (error) return <ProblemNotice error={error} />;
  return (
    <p className="muted" role="status">
      {children ?? t.common.loading}
    </p>
  );
}
