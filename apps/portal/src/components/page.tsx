import { useEffect, useRef, type ReactNode } from 'react';
import { t } from '../i18n';

/**
 * One page, one job: its title in the tab and in the heading, and focus on the heading after
 * navigation so a screen reader announces where the user is.
 */
export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t.app.name}`;
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions}
      </div>
      {children}
    </>
  );
}
