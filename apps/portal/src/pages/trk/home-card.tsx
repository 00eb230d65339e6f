import { Link } from 'wouter';
import { useEntryDays, usePendingActivities } from '../../api/trk-queries';
import { Loading } from '../../components/notice';
import { formatNumber, todayWita } from '../../format';
import { fill, t } from '../../i18n';

/**
 * Beranda's glance at TRK: today's minutes against the day's working minutes (or why today cannot be
 * entered), and for an atasan how many entries wait for them. It never blocks Beranda: while TRK is
 * slow it says it is loading, and when TRK cannot answer it says so quietly and keeps the link.
 */
export function ActivitiesCard({ atasan }: { atasan: boolean }) {
  const entryDays = useEntryDays(false);
  // Only an atasan's own inbox: an operator's or BKD's holds whole OPDs, too heavy for a glance.
  const pending = usePendingActivities(atasan);
  // An answer kept on the phone from an earlier day says nothing about today.
  const current = entryDays.data?.today === todayWita() ? entryDays.data : null;
  const today = current?.days.find((d) => d.date === current.today);

  return (
    <section className="card" aria-labelledby="activities-heading" data-testid="home-activities">
      <h2 id="activities-heading">{t.home.activities}</h2>
      {current?.todayRefusal ? (
        <p>{fill(t.activities.closedToday, { reason: current.todayRefusal })}</p>
      ) : today ? (
        <div className="field">
          <span className="label" id="today-minutes">
            {t.home.minutesToday}
          </span>
          <progress aria-labelledby="today-minutes" max={today.workingMinutes} value={Math.min(today.minutesSoFar, today.workingMinutes)} />
          <p>{fill(t.activities.minutesProgress, { done: formatNumber(today.minutesSoFar), total: formatNumber(today.workingMinutes) })}</p>
        </div>
      ) : entryDays.isPending ? (
        <Loading />
      ) : (
        <p className="muted">{t.home.activitiesUnavailable}</p>
      )}
      {atasan && (
        <p>
          <Link href="/verifikasi">{t.home.pendingVerification}</Link>:{' '}
          <strong data-testid="home-pending-verification">{pending.data ? formatNumber(pending.data.length) : pending.isError ? '–' : '…'}</strong>
        </p>
      )}
      <div className="actions">
        <Link className="button" href="/aktivitas">
          {t.home.goActivities}
        </Link>
      </div>
    </section>
  );
}
