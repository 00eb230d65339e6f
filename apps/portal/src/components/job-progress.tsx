import { formatDateTime, formatNumber } from '../format';
import { fill, t } from '../i18n';
import { Loading, Notice } from './notice';
import { ProgressBar } from './progress-bar';
import { RowErrors } from './row-errors';
import { useJob, type JobService } from './use-job';

/** A job's progress bar, its counts, why it failed if it did, and its row errors. */
export function JobProgress({ service, id, label, errorsFile }: { service: JobService; id: string; label: string; errorsFile: string }) {
  const job = useJob(service, id);
  if (!job.data) return <Loading error={job.error} />;
  const { status, progress, errorCount, errors, message, finishedAt } = job.data;
  const counts = { imported: progress.imported ?? 0, unchanged: progress.unchanged ?? 0, failed: progress.failed ?? errorCount };
  return (
    <div className="card" data-testid={`job-${status.toLowerCase()}`}>
      <ProgressBar label={label} processed={progress.processed ?? 0} total={progress.total ?? 0} />
      <p>
        <strong>{t.common.status}:</strong>{' '}
        {status === 'DONE' ? t.imports.done : status === 'FAILED' ? t.imports.failedJob : status === 'RUNNING' ? t.imports.running : t.imports.queuedJob}
        {finishedAt && ` · ${formatDateTime(finishedAt)}`}
      </p>
      {'imported' in progress && (
        <p>
          {fill(t.imports.summary, { imported: formatNumber(counts.imported), unchanged: formatNumber(counts.unchanged), failed: formatNumber(counts.failed) })}
        </p>
      )}
      {status === 'FAILED' && message && <Notice tone="error">{message}</Notice>}
      <RowErrors errors={errors} total={errorCount} fileName={errorsFile} />
    </div>
  );
}
