import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiProblem, unwrap } from '../../api/client';
import { trkKeys } from '../../api/trk-queries';
import { Field } from '../../components/field';
import { Notice, ProblemNotice } from '../../components/notice';
import { formatDateTime } from '../../format';
import { fill, t } from '../../i18n';
import type { SkpUnit } from './skp-unit';

type OrganisationRating = 'ISTIMEWA' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';
const ORGANISATION_RATINGS = Object.keys(t.skp.organisationLabels) as OrganisationRating[];

/**
 * What the unit head (or BKD) does with the unit's year: set the organisation's rating, which sets
 * the pattern; finalise, refused with the predikat that break it; and, for BKD only, record why the
 * pattern cannot apply.
 */
export function SkpUnitActions({ unit, head, admin }: { unit: SkpUnit; head: boolean; admin: boolean }) {
  const queries = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const path = { path: { year: String(unit.year), unitCode: unit.unitCode } };

  const act = async (call: () => Promise<unknown>, form?: HTMLFormElement) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      form?.reset();
      await queries.invalidateQueries({ queryKey: trkKeys.skpUnit(String(unit.year), unit.unitCode) });
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  const rateOrganisation = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { rating: String(form.get('rating')) as OrganisationRating, reason: String(form.get('reason')) };
    void act(() => unwrap(api.PUT('/api/v1/trk/skp/{year}/units/{unitCode}/organisation-rating', { params: path, body })), event.currentTarget);
  };
  const override = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason'));
    void act(() => unwrap(api.POST('/api/v1/trk/skp/{year}/units/{unitCode}/override', { params: path, body: { reason } })), event.currentTarget);
  };
  const finalise = () => {
    if (!window.confirm(fill(t.skp.finaliseConfirm, { unit: unit.unitCode, year: unit.year }))) return;
    void act(() => unwrap(api.POST('/api/v1/trk/skp/{year}/units/{unitCode}/finalise', { params: path })));
  };
  const fieldOf = (name: string) => (error instanceof ApiProblem ? error.field(name) : undefined);

  return (
    <section className="card" aria-labelledby="organisation-heading">
      <h2 id="organisation-heading" style={{ marginTop: 0 }}>
        {t.skp.organisation}
      </h2>
      {unit.organisationRating ? (
        <p>
          <strong data-testid="organisation-rating">{unit.organisationRating.label}</strong> · {unit.organisationRating.reason}{' '}
          <span className="muted">({formatDateTime(unit.organisationRating.ratedAt)})</span>
        </p>
      ) : (
        <p>{t.skp.noOrganisation}</p>
      )}
      {unit.override && <Notice tone="warning">{fill(t.skp.overridden, { by: unit.override.by, reason: unit.override.reason })}</Notice>}
      {unit.finalised ? (
        <Notice tone="success">{fill(t.skp.finalised, { by: unit.finalised.by, at: formatDateTime(unit.finalised.at) })}</Notice>
      ) : (
        <>
          <ProblemNotice error={error} />
          {(head || admin) && (
            <form key={unit.organisationRating?.rating ?? 'belum'} onSubmit={rateOrganisation} noValidate>
              <div className="row">
                <Field label={t.skp.organisationRating} error={fieldOf('rating')}>
                  <select name="rating" defaultValue={unit.organisationRating?.rating ?? 'BAIK'}>
                    {ORGANISATION_RATINGS.map((r) => (
                      <option key={r} value={r}>
                        {t.skp.organisationLabels[r]}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label={t.skp.organisationReason} error={fieldOf('reason')}>
                  <input name="reason" maxLength={1000} required />
                </Field>
              </div>
              <button disabled={busy}>{t.skp.setOrganisation}</button>
            </form>
          )}
          {admin && (
            <form onSubmit={override} noValidate style={{ marginTop: '1rem' }}>
              <Field label={t.skp.overrideReason} hint={t.skp.override}>
                <input name="reason" maxLength={1000} required />
              </Field>
              <button disabled={busy}>{t.skp.saveOverride}</button>
            </form>
          )}
          {(head || admin) && (
            <div className="actions">
              <button type="button" className="primary" disabled={busy} onClick={finalise}>
                {t.skp.finalise}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
