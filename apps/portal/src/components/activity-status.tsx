import { t } from '../i18n';

const TONE: Record<string, string> = { PENDING: 'neutral', APPROVED: 'good', REDUCED: 'warn', REJECTED: 'bad' };

/** An activity's verification status in words and colour (never colour alone). */
export function ActivityStatusBadge({ status }: { status: string }) {
  return <span className={`badge ${TONE[status] ?? 'neutral'}`}>{t.activities.statuses[status] ?? status}</span>;
}
