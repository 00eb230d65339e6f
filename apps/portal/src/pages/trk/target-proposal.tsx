import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiProblem, unwrap } from '../../api/client';
import type { CatalogueActivity } from '../../api/trk-queries';
import { Field } from '../../components/field';
import { Notice, ProblemNotice } from '../../components/notice';
import { todayWita } from '../../format';
import { t } from '../../i18n';

const fieldOf = (error: unknown, name: string) => (error instanceof ApiProblem ? error.field(name) : undefined);

/** A new IKI target for this month or year (or one ahead), achieved by activities of the employee's catalogue. */
export function TargetProposal({ catalogue }: { catalogue: CatalogueActivity[] }) {
  const queries = useQueryClient();
  const [kind, setKind] = useState<'MONTHLY' | 'ANNUAL'>('MONTHLY');
  const [codes, setCodes] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const today = todayWita();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setDone(false);
    if (codes.size === 0) return setError(new ApiProblem(400, t.targets.chooseActivities, [{ field: 'catalogueCodes', message: t.targets.chooseActivities }]));
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.POST('/api/v1/trk/targets', {
          body: {
            period: String(form.get('period')),
            title: String(form.get('title')),
            quantity: Number(form.get('quantity')),
            outputUnit: String(form.get('outputUnit')),
            catalogueCodes: [...codes],
          },
        }),
      );
      formElement.reset();
      setCodes(new Set());
      setDone(true);
      await queries.invalidateQueries({ queryKey: ['trk', 'targets'] });
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (code: string) => setCodes((current) => new Set(current.has(code) ? [...current].filter((c) => c !== code) : [...current, code]));
  const codesError = fieldOf(error, 'catalogueCodes');

  if (catalogue.length === 0) return <Notice>{t.targets.noCatalogue}</Notice>;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {done && <Notice tone="success">{t.targets.submitted}</Notice>}
      <ProblemNotice error={error} />
      <div className="row">
        <Field label={t.targets.kind}>
          <select value={kind} onChange={(e) => setKind(e.target.value as 'MONTHLY' | 'ANNUAL')}>
            {(['MONTHLY', 'ANNUAL'] as const).map((k) => (
              <option key={k} value={k}>
                {t.targets.kinds[k]}
              </option>
            ))}
          </select>
        </Field>
        {kind === 'MONTHLY' ? (
          <Field label={t.targets.month} error={fieldOf(error, 'period')}>
            <input key="month" name="period" type="month" min={today.slice(0, 7)} defaultValue={today.slice(0, 7)} required />
          </Field>
        ) : (
          <Field label={t.targets.year} error={fieldOf(error, 'period')}>
            <input key="year" name="period" inputMode="numeric" maxLength={4} defaultValue={today.slice(0, 4)} required />
          </Field>
        )}
      </div>
      <Field label={t.targets.what} error={fieldOf(error, 'title')}>
        <input name="title" maxLength={300} required />
      </Field>
      <div className="row">
        <Field label={t.targets.quantity} error={fieldOf(error, 'quantity')}>
          <input name="quantity" type="number" inputMode="numeric" min={1} required />
        </Field>
        <Field label={t.targets.outputUnit} hint={t.targets.outputUnitHint} error={fieldOf(error, 'outputUnit')}>
          <input name="outputUnit" maxLength={100} required />
        </Field>
      </div>
      <fieldset className={codesError ? 'field invalid' : 'field'} aria-describedby="target-codes-hint">
        <legend className="label">{t.targets.activities}</legend>
        <p className="hint" id="target-codes-hint">
          {t.targets.activitiesHint}
        </p>
        {codesError && <p className="error-message">{codesError}</p>}
        {catalogue.map((a) => (
          <label key={a.code} className="check-row">
            <input type="checkbox" checked={codes.has(a.code)} onChange={() => toggle(a.code)} />
            <span>
              {a.name} <span className="muted">({a.code})</span>
            </span>
          </label>
        ))}
      </fieldset>
      <button className="primary" disabled={busy}>
        {t.targets.propose}
      </button>
    </form>
  );
}
