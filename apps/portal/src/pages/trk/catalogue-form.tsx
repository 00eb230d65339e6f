import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiProblem, unwrap } from '../../api/client';
import type { CatalogueActivity } from '../../api/trk-queries';
import { Field } from '../../components/field';
import { ProblemNotice } from '../../components/notice';
import { fill, t } from '../../i18n';

const fieldOf = (error: unknown, name: string) => (error instanceof ApiProblem ? error.field(name) : undefined);
const optional = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === '' ? undefined : String(value).trim());

/** Adds an activity, or changes one (its code stays): for one position, or (BKD only) every position of a type. */
export function CatalogueForm({ editing, onSaved, onCancel }: { editing: CatalogueActivity | null; onSaved: (code: string) => void; onCancel: () => void }) {
  const queries = useQueryClient();
  const [scope, setScope] = useState<'position' | 'type'>(editing?.positionType ? 'type' : 'position');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const code = editing?.code ?? String(form.get('code')).trim();
    const share = optional(form.get('share'));
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.PUT('/api/v1/trk/catalogue/{code}', {
          params: { path: { code } },
          body: {
            name: String(form.get('name')),
            outputUnit: String(form.get('outputUnit')),
            standardMinutes: Number(form.get('standardMinutes')),
            evidenceRequired: form.get('evidenceRequired') === 'on',
            ...(scope === 'position' ? { positionCode: optional(form.get('positionCode')) } : { positionType: optional(form.get('positionType')) }),
            group: optional(form.get('group')),
            ...(share === undefined ? {} : { share: Number(share) }),
          },
        }),
      );
      await queries.invalidateQueries({ queryKey: ['trk', 'catalogue'] });
      onSaved(code);
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="catalogue-form-heading">
      <h2 id="catalogue-form-heading" style={{ marginTop: 0 }}>
        {editing ? fill(t.catalogue.editing, { code: editing.code }) : t.catalogue.add}
      </h2>
      <ProblemNotice error={error} />
      {!editing && (
        <Field label={t.catalogue.code} hint={t.catalogue.codeHint} error={fieldOf(error, 'code')}>
          <input name="code" maxLength={40} autoCapitalize="characters" required />
        </Field>
      )}
      <Field label={t.catalogue.name} error={fieldOf(error, 'name')}>
        <input name="name" maxLength={300} defaultValue={editing?.name} required />
      </Field>
      <div className="row">
        <Field label={t.catalogue.outputUnit} hint={t.targets.outputUnitHint} error={fieldOf(error, 'outputUnit')}>
          <input name="outputUnit" maxLength={100} defaultValue={editing?.outputUnit} required />
        </Field>
        <Field label={t.catalogue.standardMinutes} error={fieldOf(error, 'standardMinutes')}>
          <input name="standardMinutes" type="number" inputMode="numeric" min={1} max={1440} defaultValue={editing?.standardMinutes} required />
        </Field>
      </div>
      <label className="check-row">
        <input name="evidenceRequired" type="checkbox" defaultChecked={editing?.evidenceRequired ?? false} />
        <span>{t.catalogue.evidenceRequired}</span>
      </label>
      <div className="row">
        <Field label={t.catalogue.scope}>
          <select value={scope} onChange={(e) => setScope(e.target.value as 'position' | 'type')}>
            {(['position', 'type'] as const).map((s) => (
              <option key={s} value={s}>
                {t.catalogue.scopes[s]}
              </option>
            ))}
          </select>
        </Field>
        {scope === 'position' ? (
          <Field label={t.catalogue.positionCode} error={fieldOf(error, 'positionCode')}>
            <input key="positionCode" name="positionCode" maxLength={40} defaultValue={editing?.positionCode ?? ''} required />
          </Field>
        ) : (
          <Field label={t.catalogue.positionType} hint={t.catalogue.positionTypeHint} error={fieldOf(error, 'positionType')}>
            <input key="positionType" name="positionType" maxLength={30} defaultValue={editing?.positionType ?? ''} required />
          </Field>
        )}
      </div>
      <div className="row">
        <Field label={t.catalogue.group} error={fieldOf(error, 'group')}>
          <input name="group" maxLength={30} defaultValue={editing?.group ?? ''} />
        </Field>
        <Field label={t.catalogue.share} error={fieldOf(error, 'share')}>
          <input name="share" type="number" inputMode="numeric" min={0} max={100} defaultValue={editing?.share ?? ''} />
        </Field>
      </div>
      <div className="actions">
        <button className="primary" disabled={busy}>
          {t.catalogue.save}
        </button>
        <button type="button" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
