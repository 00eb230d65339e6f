import { useState } from 'react';
import { Field } from '../../components/field';
import { fill, t } from '../../i18n';
import type { Decision } from './verify-in-chunks';

/** The decision for every selected entry: approve, reduce to a number of minutes with a reason, or reject with a reason. */
export function VerificationDecision({ count, busy, onDecide }: { count: number; busy: boolean; onDecide: (decision: Decision) => void }) {
  const [minutes, setMinutes] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ minutes?: string; reason?: string }>({});

  const decide = (decision: Decision['decision']) => {
    const found: typeof errors = {};
    if (decision !== 'APPROVE' && reason.trim() === '') found.reason = t.verification.reasonRequired;
    if (decision === 'REDUCE' && !(Number(minutes) >= 1)) found.minutes = t.verification.minutesRequired;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onDecide({
      decision,
      ...(decision === 'REDUCE' ? { minutes: Number(minutes) } : {}),
      ...(decision === 'APPROVE' ? {} : { reason: reason.trim() }),
    });
    setReason('');
    setMinutes('');
  };

  return (
    <div className="card">
      <p aria-live="polite">
        <strong>{fill(t.verification.selected, { count })}</strong>
      </p>
      <div className="row">
        <Field label={t.verification.reducedMinutes} hint={t.verification.reducedHint} error={errors.minutes}>
          <input type="number" inputMode="numeric" min={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </Field>
        <Field label={t.verification.reason} error={errors.reason}>
          <input value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </div>
      <div className="actions">
        <button type="button" className="primary" disabled={busy || count === 0} onClick={() => decide('APPROVE')}>
          {t.verification.approve} ({count})
        </button>
        <button type="button" disabled={busy || count === 0} onClick={() => decide('REDUCE')}>
          {t.verification.reduce} ({count})
        </button>
        <button type="button" className="danger" disabled={busy || count === 0} onClick={() => decide('REJECT')}>
          {t.verification.reject} ({count})
        </button>
      </div>
    </div>
  );
}
