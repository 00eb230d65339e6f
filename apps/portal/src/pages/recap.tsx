import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { api, unwrap } from '../api/client';
import { Field } from '../components/field';
import { Loading, Notice } from '../components/notice';
import { Page } from '../components/page';
import { formatDate, formatNumber, formatTime, todayWita } from '../format';
import { t } from '../i18n';

// Chart.js is loaded with the recap page only: a pegawai's phone never downloads it. The download starts
// as this page's code loads, beside the recap's own request, rather than after its answer.
const chartModule = import('../components/recap-chart');
const RecapChart = lazy(() => chartModule);

const COLUMNS = [
  ['present', t.recap.present],
  ['late', t.recap.late],
  ['fieldDuty', t.recap.fieldDuty],
  ['onLeave', t.recap.onLeave],
  ['notYetIn', t.recap.notYetIn],
  ['off', t.recap.off],
] as const;

/** Rekap kehadiran: the province (or the operator's OPD) as of now, refreshing itself every half minute. */
export default function RecapPage() {
  const [date, setDate] = useState(todayWita());
  const recap = useQuery({
    queryKey: ['kmob', 'recap', date],
    queryFn: () => unwrap(api.GET('/api/v1/kmob/recap', { params: { query: { date } } })),
    refetchInterval: date === todayWita() ? 30_000 : false,
  });
  const data = recap.data;
  return (
    <Page title={t.recap.title}>
      <Field label={t.common.date}>
        <input type="date" value={date} max={todayWita()} onChange={(e) => e.target.value && setDate(e.target.value)} />
      </Field>
      {!data ? (
        <Loading error={recap.error} />
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {formatDate(data.date)} · {t.recap.asOf} {formatTime(data.asOf)}
          </p>
          {data.holiday && <Notice>{data.holiday}</Notice>}
          <div className="grid" data-testid="recap-totals">
            {[['employees', t.recap.employees] as const, ...COLUMNS].map(([key, label]) => (
              <div key={key} className="card">
                <div className="muted">{label}</div>
                <div style={{ fontSize: '1.6rem', fontWeight: 700 }} data-testid={`recap-total-${key}`}>
                  {formatNumber(data.total[key])}
                </div>
              </div>
            ))}
          </div>
          <section className="card" aria-labelledby="chart-heading">
            <h2 id="chart-heading">{t.recap.chart}</h2>
            <Suspense fallback={<Loading />}>
              <RecapChart rows={data.units} />
            </Suspense>
          </section>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table}>
            <table>
              <caption className="visually-hidden">{t.recap.chart}</caption>
              <thead>
                <tr>
                  <th>{t.common.unit}</th>
                  <th className="number">{t.recap.employees}</th>
                  {COLUMNS.map(([key, label]) => (
                    <th key={key} className="number">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.units.map((unit) => (
                  <tr key={unit.unitCode}>
                    <td>{unit.name ?? unit.unitCode}</td>
                    <td className="number">{formatNumber(unit.employees)}</td>
                    {COLUMNS.map(([key]) => (
                      <td key={key} className="number">
                        {formatNumber(unit[key])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
