import { useState, type FormEvent } from 'react';
import { useTeam } from '../api/trk-queries';
import { t } from '../i18n';
import { hasRole, useSession } from '../session/session';
import { Field } from './field';

/**
 * Whose figures a page shows: one's own; an atasan also their direct subordinates; operators and BKD
 * any NIP (the platform refuses one outside their units). Nothing to choose for anyone else.
 */
export function EmployeeChoice({ nip, onChange }: { nip: string; onChange: (nip: string) => void }) {
  const user = useSession()!.user;
  const atasan = hasRole(user, 'ATASAN');
  const manager = hasRole(user, 'OPERATOR_OPD', 'ADMIN_BKD');
  const team = useTeam(atasan);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string>();
  if (!atasan && !manager) return null;

  const members = team.data ?? [];
  const listed = nip === user.nip || members.some((m) => m.nip === nip);
  const show = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!/^\d{18}$/.test(typed)) return setTypedError(t.accounts.nipInvalid);
    setTypedError(undefined);
    onChange(typed);
  };
  return (
    <div className="row">
      <Field label={t.score.employee}>
        <select value={listed ? nip : ''} onChange={(e) => e.target.value && onChange(e.target.value)}>
          {!listed && <option value="">{nip}</option>}
          <option value={user.nip}>{t.score.self}</option>
          {members.map((m) => (
            <option key={m.nip} value={m.nip}>
              {m.name} · {m.nip}
            </option>
          ))}
        </select>
      </Field>
      {manager && (
        <form className="row" style={{ flex: '1 1 16rem' }} onSubmit={show} noValidate>
          <Field label={t.score.otherNip} hint={t.score.otherNipHint} error={typedError}>
            <input inputMode="numeric" maxLength={18} value={typed} onChange={(e) => setTyped(e.target.value.trim())} />
          </Field>
          <button className="field">{t.score.show}</button>
        </form>
      )}
    </div>
  );
}
