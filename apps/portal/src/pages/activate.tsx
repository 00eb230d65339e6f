import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { api, ApiProblem, unwrap } from '../api/client';
import { Field } from '../components/field';
import { ProblemNotice } from '../components/notice';
import { Page } from '../components/page';
import { t } from '../i18n';

/** First use: the one-time code from BKD and the employee's own password. */
export function ActivatePage() {
  const [, navigate] = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.POST('/api/v1/auth/activate', {
          body: { nip: String(form.get('nip')).trim(), code: String(form.get('code')).trim(), newPassword: String(form.get('newPassword')) },
        }),
      );
      navigate('/masuk?aktif');
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
      <Page title={t.auth.activate}>
        <p>{t.auth.activateHint}</p>
        <ProblemNotice error={error} />
        <form onSubmit={(e) => void submit(e)} noValidate className="card">
          <Field label={t.auth.nip} error={fieldError('nip')}>
            <input name="nip" inputMode="numeric" autoComplete="username" required maxLength={18} />
          </Field>
          <Field label={t.auth.activationCode} error={fieldError('code')}>
            <input name="code" autoComplete="one-time-code" required />
          </Field>
          <Field label={t.auth.newPassword} error={fieldError('newPassword')}>
            <input name="newPassword" type="password" autoComplete="new-password" required minLength={10} />
          </Field>
          <button className="primary big" disabled={busy}>
            {t.auth.activate}
          </button>
        </form>
        <p>
          <Link href="/masuk">{t.auth.toLogin}</Link>
        </p>
      </Page>
    </main>
  );
}
