import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';
import { Field } from '../components/field';
import { JobProgress } from '../components/job-progress';
import { useJob } from '../components/use-job';
import { Loading, ProblemNotice } from '../components/notice';
import { Page } from '../components/page';
import { formatDateTime, formatMonth, formatNumber, todayWita } from '../format';
import { t } from '../i18n';

const previousMonth = () => {
  const [y, m] = todayWita().slice(0, 7).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/** Tutup bulan: the month's state, the close as a job with its progress, and earlier runs. */
export default function MonthClosePage() {
  const queries = useQueryClient();
  const [month, setMonth] = useState(previousMonth);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  const status = useQuery({
    queryKey: ['kmob', 'month', month],
    queryFn: () => unwrap(api.GET('/api/v1/kmob/months/{month}', { params: { path: { month } } })),
    refetchInterval: (query) => (query.state.data?.closing ? 2_000 : false),
  });
  const running = status.data?.runs?.find((run) => run.status === 'RUNNING' || run.status === 'QUEUED');
  const followed = started ?? running?.id ?? null;
  const job = useJob('kmob', followed);
  const finished = job.data?.status === 'DONE' || job.data?.status === 'FAILED';
  // The month's state changes when its run ends: read it again then.
  useEffect(() => {
    if (finished) void queries.invalidateQueries({ queryKey: ['kmob', 'month', month] });
  }, [finished, month, queries]);

  const close = async () => {
    setBusy(true);
    setError(null);
    try {
      const job = await unwrap(api.POST('/api/v1/kmob/months/{month}/close', { params: { path: { month } } }));
      setStarted(job.id);
      await queries.invalidateQueries({ queryKey: ['kmob', 'month', month] });
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t.months.title}>
      <Field label={t.months.month}>
        <input
          type="month"
          value={month}
          max={todayWita().slice(0, 7)}
          onChange={(e) => {
            if (!e.target.value) return;
            setMonth(e.target.value);
            setStarted(null);
          }}
        />
      </Field>
      <ProblemNotice error={error} />
      {!status.data ? (
        <Loading error={status.error} />
      ) : (
        <section className="card" aria-labelledby="month-heading">
          <h2 id="month-heading">{formatMonth(month)}</h2>
          <dl className="facts">
            <dt>{t.common.status}</dt>
            <dd data-testid="month-state">{status.data.closed ? t.months.closed : status.data.closing ? t.months.closing : t.months.open}</dd>
            <dt>{t.months.employees}</dt>
            <dd>{formatNumber(status.data.employees)}</dd>
            {status.data.closedAt && (
              <>
                <dt>{t.months.closedAt}</dt>
                <dd>
                  {formatDateTime(status.data.closedAt)}
                  {status.data.closedBy && ` · ${status.data.closedBy}`}
                </dd>
              </>
            )}
          </dl>
          <div className="actions">
            <button className="primary" disabled={busy || !!running} onClick={() => void close()}>
              {status.data.closed ? t.months.recalculate : t.months.close}
            </button>
          </div>
        </section>
      )}
      {followed && <JobProgress service="kmob" id={followed} label={t.months.progress} errorsFile={`kesalahan-tutup-bulan-${month}.xlsx`} />}
      {status.data?.runs && status.data.runs.length > 0 && (
        <section aria-labelledby="runs-heading">
          <h2 id="runs-heading">{t.months.runs}</h2>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table}>
            <table>
              <thead>
                <tr>
                  <th>{t.months.startedAt}</th>
                  <th>{t.common.status}</th>
                  <th>{t.months.by}</th>
                </tr>
              </thead>
              <tbody>
                {status.data.runs.map((run) => (
                  <tr key={run.id}>
                    <td>{formatDateTime(run.createdAt)}</td>
                    <td>
                      {run.status === 'DONE' ? t.imports.done : run.status === 'FAILED' ? `${t.imports.failedJob}: ${run.message ?? ''}` : t.imports.running}
                    </td>
                    <td>{run.createdBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </Page>
  );
}
