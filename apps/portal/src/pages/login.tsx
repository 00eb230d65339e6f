import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { api, ApiProblem, unwrap } from '../api/client';
import { Field } from '../components/field';
import { Notice, ProblemNotice } from '../components/notice';
import { Page } from '../components/page';
import { t } from '../i18n';
import { session, type Role } from '../session/session';

const REASONS = { expired: t.auth.sessionEnded, password: t.auth.passwordChanged, logout: null } as const;

export function LoginPage() {
  const [, navigate] = useLocation();
  const [ended] = useState(() => session.takeEndReason());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const justActivated = new URLSearchParams(location.search).has('aktif');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const pair = await unwrap(api.POST('/api/v1/auth/login', { body: { nip: String(form.get('nip')).trim(), password: String(form.get('password')) } }));
      session.start({ accessToken: pair.accessToken, refreshToken: pair.refreshToken, user: { ...pair.user, roles: pair.user.roles as Role[] } });
      navigate('/');
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (name: string) => (error instanceof ApiProblem ? error.field(name) : undefined);

  return (
    <main id="main" style={{ maxWidth: '28rem', margin: '0 auto' }}>
      <p className="muted">{t.app.province}</p>
      <Page title={t.auth.login}>
        {ended && REASONS[ended] && <Notice tone="warning">{REASONS[ended]}</Notice>}
        {justActivated && <Notice tone="success">{t.auth.activated}</Notice>}
        <ProblemNotice error={error} />
        <form onSubmit={(e) => void submit(e)} noValidate className="card">
          <Field label={t.auth.nip} error={fieldError('nip')}>
            <input name="nip" inputMode="numeric" autoComplete="username" required maxLength={18} />
          </Field>
          <Field label={t.auth.password} error={fieldError('password')}>
            <input name="password" type="password" autoComplete="current-password" required />
          </Field>
          <button className="primary big" disabled={busy}>
            {t.auth.login}
          </button>
        </form>
        <p>
          <Link href="/aktivasi">{t.auth.firstTime}</Link>
        </p>
      </Page>
    </main>
  );
}
