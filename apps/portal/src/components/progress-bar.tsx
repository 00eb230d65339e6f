import { fill, t } from '../i18n';
import { formatNumber } from '../format';

/** Long work in counts and a bar; the page can be left and the job followed again later. `words` counts what is done (rows by default). */
export function ProgressBar({ label, processed, total, words = t.imports.rows }: { label: string; processed: number; total: number; words?: string }) {
  return (
    <div className="field">
      <span className="label" id="progress-label">
        {label}
      </span>
      <progress aria-labelledby="progress-label" max={Math.max(total, 1)} value={Math.min(processed, total)} />
      <p aria-live="polite">{fill(words, { processed: formatNumber(processed), total: formatNumber(total) })}</p>
    </div>
  );
}
