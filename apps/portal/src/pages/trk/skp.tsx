import { useState } from 'react';
import { Field } from '../../components/field';
import { Loading } from '../../components/notice';
import { unitSubtree, useUnits } from '../../components/organisation';
import { Page } from '../../components/page';
import { todayWita } from '../../format';
import { fill, t } from '../../i18n';
import { hasRole, useSession } from '../../session/session';
import { SkpDistribution } from './skp-distribution';
import { SkpRatingForm } from './skp-rating-form';
import { SkpUnitActions } from './skp-unit-actions';
import { useSkpUnit, type SkpUnit } from './skp-unit';

/** Predikat kinerja (SKP): a unit's year of ratings, the organisation's rating and its cap, and the finalisation. */
export default function SkpPage() {
  const user = useSession()!.user;
  const admin = hasRole(user, 'ADMIN_BKD');
  const operator = hasRole(user, 'OPERATOR_OPD');
  const units = useUnits();
  const [year, setYear] = useState(todayWita().slice(0, 4));
  const [unitCode, setUnitCode] = useState(user.unitCode);
  const unit = useSkpUnit(year, unitCode);
  // BKD chooses any unit, an operator the units of their OPD; a unit head sees their own.
  const choosable = (units.data?.items ?? []).filter((u) => admin || (operator && unitSubtree(units.data!.items, user.unitCode).has(u.code)));

  return (
    <Page title={t.skp.title}>
      <div className="row">
        <Field label={t.skp.year}>
          <input inputMode="numeric" maxLength={4} defaultValue={year} onChange={(e) => /^\d{4}$/.test(e.target.value) && setYear(e.target.value)} />
        </Field>
        {choosable.length > 0 && (
          <Field label={t.skp.unit}>
            <select value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
              {choosable.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name} ({u.code})
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      {!unit.data ? (
        <Loading error={unit.error} />
      ) : (
        <>
          <p className="muted">
            {t.skp.head}: {headName(unit.data) ?? t.skp.unknownHead}
          </p>
          <SkpDistribution unit={unit.data} />
          <SkpUnitActions unit={unit.data} head={unit.data.unitHead === user.nip} admin={admin} />
          <SkpRatings unit={unit.data} />
          {!unit.data.finalised && <SkpRatingForm key={`${year}-${unitCode}`} unit={unit.data} />}
        </>
      )}
    </Page>
  );
}

/** The head by name when they are among the unit's people, else by NIP. */
function headName(unit: SkpUnit): string | null {
  if (!unit.unitHead) return null;
  const known = [...unit.ratings, ...unit.unrated].find((e) => e.nip === unit.unitHead);
  return known?.name ? `${known.name} · ${unit.unitHead}` : unit.unitHead;
}

function SkpRatings({ unit }: { unit: SkpUnit }) {
  return (
    <section aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">{t.skp.ratings}</h2>
      {unit.ratings.length === 0 ? (
        <p>{t.common.empty}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table}>
          <table data-testid="skp-ratings">
            <thead>
              <tr>
                <th>{t.skp.employee}</th>
                <th>{t.skp.hasil}</th>
                <th>{t.skp.perilaku}</th>
                <th>{t.skp.predikat}</th>
              </tr>
            </thead>
            <tbody>
              {unit.ratings.map((r) => (
                <tr key={r.nip}>
                  <td>
                    {r.name ?? r.nip}
                    <br />
                    <span className="muted">{r.nip}</span>
                  </td>
                  <td>{t.skp.ratingLabels[r.hasil]}</td>
                  <td>{t.skp.ratingLabels[r.perilaku]}</td>
                  <td>
                    <strong>{r.predikatLabel}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {unit.unrated.length > 0 && (
        <>
          <h3>{fill(t.skp.unrated, { count: unit.unrated.length })}</h3>
          <ul>
            {unit.unrated.map((e) => (
              <li key={e.nip}>
                {e.name} · {e.nip}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
