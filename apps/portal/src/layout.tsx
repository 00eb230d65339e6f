import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from './api/client';
import { t } from './i18n';
import { allowed, ROUTES } from './routes';
import { session, type Session } from './session/session';
import { useOnline } from './use-online';

/** The frame of every signed-in page: the bar, the menu by role, the phone's tabs and the offline notice. */
export function Layout({ current, children }: { current: Session; children: ReactNode }) {
  const [location] = useLocation();
  const [open, setOpen] = useState(false);
  const online = useOnline();
  const mine = ROUTES.filter((route) => !route.hidden && allowed(route, current.user.roles));
  const logout = async () => {
    await api.POST('/api/v1/auth/logout', { body: { refreshToken: current.refreshToken } }).catch(() => undefined);
    session.end('logout');
  };
  const link = (path: string, title: string) => (
    <Link key={path} href={path} aria-current={location === path ? 'page' : undefined} onClick={() => setOpen(false)}>
      {title}
    </Link>
  );
  return (
    <>
      <a className="skip" href="#main">
        {t.app.skip}
      </a>
      <header className="topbar">
        <Link className="brand" href="/">
          {t.app.name}
        </Link>
        <button className="menu-button" aria-expanded={open} aria-controls="menu" onClick={() => setOpen(!open)}>
          {t.app.menu}
        </button>
      </header>
      <div className="layout">
        <nav id="menu" className={open ? 'side open' : 'side'} aria-label={t.app.menu}>
          <div className="who">
            <strong>{current.user.name}</strong>
            <br />
            NIP {current.user.nip}
            <br />
            {current.user.roles.map((role) => t.accounts.roleNames[role]).join(', ')}
          </div>
          {mine.map((route) => link(route.path, route.title))}
          {link('/kata-sandi', t.nav.password)}
          <button onClick={() => void logout()}>{t.nav.logout}</button>
        </nav>
        <main id="main">
          {!online && (
            <div className="notice warning" role="status">
              {t.common.offline}
            </div>
          )}
          {children}
        </main>
      </div>
      <nav className="tabs" aria-label="Pintasan">
        {mine.filter((route) => route.tab).map((route) => link(route.path, route.title))}
      </nav>
    </>
  );
}
