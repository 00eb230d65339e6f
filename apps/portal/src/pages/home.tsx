import { Link } from 'wouter';
import { useMyRequests, usePendingApprovals, useToday } from '../api/queries';
import { Loading, Notice } from '../components/notice';
import { Page } from '../components/page';
import { StatusBadge } from '../components/status-badge';
import { formatDate, formatTime, todayWita } from '../format';
import { t } from '../i18n';
import { useCheckInQueue } from '../offline/check-in-queue';
import { hasRole, useSession } from '../session/session';
import { ActivitiesCard } from './trk/home-card';

/** Beranda: today's attendance and activities and what waits for the user, the first thing every phone opens at 07:30. */
export default function HomePage() {
  const user = useSession()!.user;
  const today = useToday();
  const decider = hasRole(user, 'ATASAN', 'OPERATOR_OPD', 'ADMIN_BKD');
  const approvals = usePendingApprovals(decider);
  const mine = useMyRequests();
  const queue = useCheckInQueue();
  const myPending = mine.data?.filter((r) => r.status === 'PENDING').length ?? 0;

  return (
    <Page title={t.nav.home}>
      <p>
        {t.home.greeting}, <strong>{user.name}</strong>
        <br />
        <span className="muted">{formatDate(todayWita())}</span>
      </p>
      {queue.pending.length > 0 && <Notice tone="warning">{`${queue.pending.length} ${t.home.queued}`}</Notice>}
      <section className="card" aria-labelledby="today-heading">
        <h2 id="today-heading">{t.home.today}</h2>
        {!today.data ? (
          <Loading error={today.error} />
        ) : (
          <>
            {today.data.holiday && <Notice>{today.data.holiday}</Notice>}
            <dl className="facts">
              <dt>{t.home.checkedIn}</dt>
              <dd>{today.data.checkIn ? formatTime(today.data.checkIn.at) : '–'}</dd>
              <dt>{t.home.checkedOut}</dt>
              <dd>{today.data.checkOut ? formatTime(today.data.checkOut.at) : '–'}</dd>
              <dt>{t.common.status}</dt>
              <dd>
                <StatusBadge code={today.data.status} />
              </dd>
            </dl>
            {!today.data.checkIn && today.data.workingDay && <p>{t.home.notYet}</p>}
          </>
        )}
        <div className="actions">
          <Link className="button primary" href="/presensi">
            {t.home.goCheckIn}
          </Link>
        </div>
      </section>
      <ActivitiesCard atasan={hasRole(user, 'ATASAN')} />
      <section className="card" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t.home.waiting}</h2>
        <ul>
          <li>
            <Link href="/pengajuan">{t.home.pendingRequests}</Link>: <strong>{myPending}</strong>
          </li>
          {decider && (
            <li>
              <Link href="/persetujuan">{t.home.pendingApprovals}</Link>: <strong>{approvals.data?.length ?? '…'}</strong>
            </li>
          )}
        </ul>
      </section>
    </Page>
  );
}
