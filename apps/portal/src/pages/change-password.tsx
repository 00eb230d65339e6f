import { useState, type FormEvent } from 'react';
import { api, ApiProblem, unwrap } from '../api/client';
import { Field } from '../components/field';
import { ProblemNotice } from '../components/notice';
import { Page } from '../components/page';
import { t } from '../i18n';
import { session } from '../session/session';

/** A new password ends every session of the account, this one too: the user signs in again. */
export default function ChangePasswordPage() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.POST('/api/v1/auth/password', { body: { currentPassword: String(form.get('currentPassword')), newPassword: String(form.get('newPassword')) } }),
      );
      session.end('password');
    } catch (problem) {
      setError(problem);
      setBusy(false);
    }
  };
  const fieldError = (name: string) => (error instanceof ApiProblem ? error.field(name) : undefined);
  return (
    <Page title={t.auth.changePassword}>
      <ProblemNotice error={error} />
      <form onSubmit={(e) => void submit(e)} noValidate className="card" style={{ maxWidth: '28rem' }}>
        <Field label={t.auth.currentPassword} error={fieldError('currentPassword')}>
          <input name="currentPassword" type="password" autoComplete="current-password" required />
        </Field>
        <Field label={t.auth.newPassword} hint="Minimal 10 karakter, berisi huruf dan angka." error={fieldError('newPassword')}>
          <input name="newPassword" type="password" autoComplete="new-password" required minLength={10} />
        </Field>
        <button className="primary" disabled={busy}>
          {t.common.save}
        </button>
      </form>
    </Page>
  );
}
