import { useSkpBasis } from '../../api/trk-queries';
import { Loading } from '../../components/notice';
import { formatDecimal, formatMonth, formatNumber } from '../../format';
import { fill, t } from '../../i18n';
import { periodLabel } from './target-list';

/**
 * What an employee's annual rating rests on, shown to the atasan beside the form: the months closed so
 * far with their published score (a corrected one marked with its version, since it differs from what
 * was first announced) and the year's IKI targets with their achievement.
 */
export function SkpBasis({ year, nip }: { year: string; nip: string }) {
  const basis = useSkpBasis(year, nip);
  return (
    <section aria-labelledby="basis-heading" data-testid="skp-basis">
      <h3 id="basis-heading">{fill(t.skp.basis, { year })}</h3>
      {!basis.data ? (
        <Loading error={basis.error} />
      ) : (
        <>
          <h4>{t.skp.monthScores}</h4>
          {basis.data.months.length === 0 ? (
            <p>{t.skp.noClosedMonths}</p>
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t.skp.monthScores}>
              <table data-testid="skp-basis-months">
                <thead>
                  <tr>
                    <th>{t.skp.month}</th>
                    <th className="number">{t.skp.score}</th>
                  </tr>
                </thead>
                <tbody>
                  {basis.data.months.map((m) => (
                    <tr key={m.month}>
                      <td>{formatMonth(m.month)}</td>
                      <td className="number">
                        {formatDecimal(m.score)}
                        {m.version > 1 && <span className="muted"> ({fill(t.skp.version, { version: m.version })})</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h4>{fill(t.skp.yearTargets, { year })}</h4>
          {basis.data.targets.length === 0 ? (
            <p>{t.targets.none}</p>
          ) : (
            <ul data-testid="skp-basis-targets">
              {basis.data.targets.map((target) => (
                <li key={target.id}>
                  <strong>{target.title}</strong> <span className="muted">· {periodLabel(target.period)}</span>
                  {target.status !== 'AGREED' && <span className="muted"> · {t.targets.statuses[target.status]}</span>}
                  <br />
                  {fill(t.targets.achieved, {
                    achieved: formatNumber(target.achieved),
                    quantity: formatNumber(target.quantity),
                    unit: target.outputUnit,
                    percent: `${formatDecimal(target.achievementPercent)} %`,
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
