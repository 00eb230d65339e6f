import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { Field } from '../components/field';
import { MonthCalendar } from '../components/month-calendar';
import { Loading, Notice } from '../components/notice';
import { Page } from '../components/page';
import { StatusBadge } from '../components/status-badge';
import { formatMonth, formatPercent, formatShortDate, todayWita } from '../format';
import { fill, t } from '../i18n';

/** Kehadiran saya: a month of days with their statuses and the month's summary with its deduction. */
export default function AttendancePage() {
  const [month, setMonth] = useState(todayWita().slice(0, 7));
  const summary = useQuery({
    queryKey: ['kmob', 'summary', month],
    queryFn: () => unwrap(api.GET('/api/v1/kmob/summaries', { params: { query: { month } } })),
  });
  const data = summary.data;
  return (
    <Page title={t.attendance.title}>
      <Field label={t.attendance.month}>
        <input type="month" value={month} max={todayWita().slice(0, 7)} onChange={(e) => e.target.value && setMonth(e.target.value)} />
      </Field>
      {!data ? (
        <Loading error={summary.error} />
      ) : (
        <>
          {data.closedVersion !== null && <Notice>{fill(t.attendance.closed, { version: data.closedVersion })}</Notice>}
          <section className="card">
            <h2>{formatMonth(month)}</h2>
            <MonthCalendar month={month} days={data.days} />
          </section>
          <section className="card" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t.attendance.summary}</h2>
            <dl className="facts">
              {Object.entries(data.counts)
                .filter(([, n]) => n > 0)
                .map(([code, n]) => (
                  <div key={code} style={{ display: 'contents' }}>
                    <dt>
                      <StatusBadge code={code} />
                    </dt>
                    <dd>{n}</dd>
                  </div>
                ))}
              <dt>{t.attendance.deduction}</dt>
              <dd>{formatPercent(Number(data.deductionPercent))}</dd>
            </dl>
            {data.contributingDays.length > 0 && (
              <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table}>
                <table>
                  <caption className="visually-hidden">{t.attendance.deduction}</caption>
                  <thead>
                    <tr>
                      <th>{t.common.date}</th>
                      <th>{t.common.status}</th>
                      <th className="number">{t.attendance.deduction}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.contributingDays.map((day) => (
                      <tr key={day.date}>
                        <td>{formatShortDate(day.date)}</td>
                        <td>
                          <StatusBadge code={day.status} />
                          {day.minutesLate > 0 && ` ${day.minutesLate} ${t.attendance.lateMinutes}`}
                          {day.minutesEarly > 0 && ` ${day.minutesEarly} ${t.attendance.earlyMinutes}`}
                        </td>
                        <td className="number">{formatPercent(Number(day.deductionPercent))}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
