import { useMonthActivities, type Activity } from '../../api/trk-queries';
import { ActivityStatusBadge } from '../../components/activity-status';
import { EvidenceLink } from '../../components/evidence-link';
import { Field } from '../../components/field';
import { Loading } from '../../components/notice';
import { formatDate, formatNumber } from '../../format';
import { fill, t } from '../../i18n';

/** Minutes as they stand for the day's total: pending as claimed, verified as counted, rejected not at all. */
const counting = (a: Activity) => (a.status === 'REJECTED' ? 0 : (a.verifiedMinutes ?? a.minutes));

/** One day's entries with their status and the reasons given, and the day's minutes against its working minutes. */
export function DayEntries({
  nip,
  date,
  workingMinutes,
  onDate,
}: {
  nip: string;
  date: string;
  workingMinutes: number | null;
  onDate: (date: string) => void;
}) {
  const month = useMonthActivities(nip, date.slice(0, 7));
  const entries = (month.data ?? []).filter((a) => a.date === date);
  const done = entries.reduce((total, a) => total + counting(a), 0);
  return (
    <section aria-labelledby="day-heading">
      <h2 id="day-heading">{fill(t.activities.dayEntries, { date: formatDate(date) })}</h2>
      <Field label={t.activities.otherDay}>
        <input type="date" value={date} onChange={(e) => e.target.value && onDate(e.target.value)} />
      </Field>
      {workingMinutes !== null && workingMinutes > 0 && (
        <div className="field">
          <span className="label" id="day-minutes">
            {t.activities.minutesOfDay}
          </span>
          <progress aria-labelledby="day-minutes" max={workingMinutes} value={Math.min(done, workingMinutes)} />
          <p>{fill(t.activities.minutesProgress, { done: formatNumber(done), total: formatNumber(workingMinutes) })}</p>
        </div>
      )}
      {!month.data ? (
        <Loading error={month.error} />
      ) : entries.length === 0 ? (
        <p>{t.activities.none}</p>
      ) : (
        <ul className="plain-list" data-testid="day-entries">
          {entries.map((a) => (
            <li key={a.id} className="card">
              <div className="row" style={{ justifyContent: 'space-between', alignItems: 'start' }}>
                <strong>{a.catalogueName ?? a.description}</strong>
                <ActivityStatusBadge status={a.status} />
              </div>
              <p className="muted" style={{ margin: '0.25rem 0' }}>
                {fill(t.activities.quantityMinutes, { quantity: formatNumber(a.quantity), minutes: formatNumber(a.minutes) })}
                {a.status === 'REDUCED' && a.verifiedMinutes !== null && ` · ${fill(t.activities.counted, { minutes: formatNumber(a.verifiedMinutes) })}`}
              </p>
              {a.decisionReason && (
                <p style={{ margin: '0.25rem 0' }}>
                  <strong>{t.common.reason}:</strong> {a.decisionReason}
                </p>
              )}
              {a.evidenceId && <EvidenceLink activityId={a.id} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
