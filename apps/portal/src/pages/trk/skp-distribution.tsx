import { formatNumber } from '../../format';
import { fill, t } from '../../i18n';
import type { SkpUnit } from './skp-unit';

const PREDIKAT = Object.keys(t.skp.predikatLabels);

/** The organisation's pattern for a unit this size beside the counts as they stand, each limit met or not in words and colour. */
export function SkpDistribution({ unit }: { unit: SkpUnit }) {
  const { distribution, organisationRating } = unit;
  const broken = new Set(distribution.violations.map((v) => v.predikat.join('+')));
  return (
    <section className="card" aria-labelledby="distribution-heading" data-testid="skp-distribution">
      <h2 id="distribution-heading" style={{ marginTop: 0 }}>
        {t.skp.distribution}
      </h2>
      {!organisationRating ? (
        <p>{t.skp.noOrganisation}</p>
      ) : (
        <>
          <p className="muted">{fill(t.skp.distributionHint, { rating: organisationRating.label, count: formatNumber(distribution.employees) })}</p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table}>
            <table>
              <thead>
                <tr>
                  <th>{t.skp.predikat}</th>
                  <th>{t.skp.limit}</th>
                  <th>{t.skp.current}</th>
                </tr>
              </thead>
              <tbody>
                {distribution.limits.map((limit) => {
                  const bad = broken.has(limit.predikat.join('+'));
                  const bounds = [
                    limit.most !== null && fill(t.skp.most, { n: formatNumber(limit.most) }),
                    limit.least !== null && fill(t.skp.least, { n: formatNumber(limit.least) }),
                  ].filter(Boolean);
                  return (
                    <tr key={limit.predikat.join('+')}>
                      <td>{limit.label}</td>
                      <td>{bounds.join(', ')}</td>
                      <td>
                        <strong data-testid="skp-actual">{formatNumber(limit.actual)}</strong>{' '}
                        <span className={`badge ${bad ? 'bad' : 'good'}`}>{bad ? t.skp.outside : t.skp.within}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {distribution.violations.length > 0 && (
            <ul>
              {distribution.violations.map((v) => (
                <li key={`${v.predikat.join('+')}-${v.rule}`}>{v.message}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <ul className="legend" aria-label={t.skp.predikat}>
        {PREDIKAT.map((p) => (
          <li key={p}>
            {t.skp.predikatLabels[p]}: <strong>{formatNumber(distribution.counts[p] ?? 0)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
