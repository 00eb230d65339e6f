import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { trkKeys } from '../../api/trk-queries';
import { EmployeeChoice } from '../../components/employee-choice';
import { Field } from '../../components/field';
import { Loading, Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { ScoreBars } from '../../components/score-bars';
import { formatDateTime, formatDecimal, formatMonth, formatNumber, todayWita } from '../../format';
import { fill, t } from '../../i18n';
import { useSession } from '../../session/session';

const fetchScore = (nip: string, month: string) => unwrap(api.GET('/api/v1/trk/scores', { params: { query: { nip, month } } }));
type Score = Awaited<ReturnType<typeof fetchScore>>;

/** Nilai kinerja: a month's score, component by component, with where each figure came from. */
export default function ScorePage() {
  const user = useSession()!.user;
  const [nip, setNip] = useState(user.nip);
  const [month, setMonth] = useState(todayWita().slice(0, 7));
  const score = useQuery({ queryKey: trkKeys.score(nip, month), queryFn: () => fetchScore(nip, month) });
  return (
    <Page title={t.score.title}>
      <EmployeeChoice nip={nip} onChange={setNip} />
      <Field label={t.score.month}>
        <input type="month" value={month} max={todayWita().slice(0, 7)} onChange={(e) => e.target.value && setMonth(e.target.value)} />
      </Field>
      {!score.data ? <Loading error={score.error} /> : <ScoreDetails score={score.data} />}
    </Page>
  );
}

function ScoreDetails({ score }: { score: Score }) {
  return (
    <>
      <section className="card" aria-labelledby="score-heading">
        <h2 id="score-heading" style={{ marginTop: 0 }}>
          {fill(t.score.value, { month: formatMonth(score.month) })}
        </h2>
        <p style={{ fontSize: '2.5rem', fontWeight: 700, margin: '0 0 0.5rem' }} data-testid="score-value">
          {formatDecimal(score.score)}
        </p>
        {score.published ? (
          <Notice tone="success">
            {fill(t.score.published, {
              score: formatDecimal(score.published.score),
              version: score.published.version,
              at: formatDateTime(String(score.published.publishedAt)),
            })}
          </Notice>
        ) : (
          <Notice>{t.score.provisional}</Notice>
        )}
        <ScoreBars parts={score.components} score={score.score} />
      </section>

      <section aria-labelledby="components-heading">
        <h2 id="components-heading">{t.score.components}</h2>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table}>
          <table data-testid="score-components">
            <thead>
              <tr>
                <th>{t.score.component}</th>
                <th className="number">{t.score.achievement}</th>
                <th className="number">{t.score.weight}</th>
                <th className="number">{t.score.points}</th>
              </tr>
            </thead>
            <tbody>
              {score.components.map((c) => (
                <tr key={c.code}>
                  <td>
                    {c.label}
                    <br />
                    <span className="muted">{c.detail}</span>
                  </td>
                  <td className="number">{formatDecimal(c.achievement)} %</td>
                  <td className="number">{formatDecimal(c.weight)} %</td>
                  <td className="number">{formatDecimal(c.points)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={3}>{t.score.total}</th>
                <th className="number">{formatDecimal(score.score)}</th>
              </tr>
            </tfoot>
          </table>
        </div>
        <p className="muted">{score.partsAddUp ? t.score.addsUp : t.score.notAddsUp}</p>
      </section>

      <section className="card" aria-labelledby="minutes-heading">
        <h2 id="minutes-heading" style={{ marginTop: 0 }}>
          {t.score.minutes}
        </h2>
        <dl className="facts">
          <dt>{t.score.norm}</dt>
          <dd>{fill(t.score.inMinutes, { minutes: formatNumber(score.norm.proratedMinutes) })}</dd>
          <dt>{t.score.approved}</dt>
          <dd>{fill(t.score.inMinutes, { minutes: formatNumber(score.approvedMinutes) })}</dd>
          <dt>{t.score.pending}</dt>
          <dd>{fill(t.score.pendingText, { entries: formatNumber(score.pending.entries), minutes: formatNumber(score.pending.minutes) })}</dd>
          {score.subordinates && (
            <>
              <dt>{t.score.team}</dt>
              <dd>{fill(t.score.teamText, { met: formatNumber(score.subordinates.metNorm), total: formatNumber(score.subordinates.total) })}</dd>
            </>
          )}
        </dl>
      </section>

      {score.targets.length > 0 && (
        <section aria-labelledby="score-targets-heading">
          <h2 id="score-targets-heading">{t.score.targets}</h2>
          <ul>
            {score.targets.map((target) => (
              <li key={target.id}>
                {target.title}:{' '}
                {fill(t.targets.achieved, {
                  achieved: formatNumber(target.achieved),
                  quantity: formatNumber(target.quantity),
                  unit: target.outputUnit,
                  percent: `${formatDecimal(target.achievementPercent)} %`,
                })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="explanation-heading">
        <h2 id="explanation-heading">{t.score.explanation}</h2>
        <ol data-testid="score-explanation">
          {score.explanation.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
      </section>
    </>
  );
}
