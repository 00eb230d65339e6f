import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { Loading } from '../components/notice';
import { Page } from '../components/page';
import { StatusBadge } from '../components/status-badge';
import { formatDate, formatTime, todayWita } from '../format';
import { t } from '../i18n';

/** Tim saya: the atasan's direct subordinates and where each stands today. */
export default function TeamPage() {
  const team = useQuery({
    queryKey: ['kmob', 'team'],
    queryFn: () => unwrap(api.GET('/api/v1/kmob/attendance/team')),
    refetchInterval: 60_000,
  });
  return (
    <Page title={t.team.title}>
      <p className="muted">{formatDate(todayWita())}</p>
      {!team.data ? (
        <Loading error={team.error} />
      ) : team.data.length === 0 ? (
        <p>{t.team.none}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table}>
          <table>
            <thead>
              <tr>
                <th>{t.common.name}</th>
                <th>{t.home.checkedIn}</th>
                <th>{t.home.checkedOut}</th>
                <th>{t.common.status}</th>
              </tr>
            </thead>
            <tbody>
              {team.data.map((member) => (
                <tr key={member.nip}>
                  <td>
                    {member.name}
                    <br />
                    <span className="muted">{member.positionName ?? member.nip}</span>
                  </td>
                  <td>{member.checkIn ? formatTime(member.checkIn.at) : '–'}</td>
                  <td>{member.checkOut ? formatTime(member.checkOut.at) : '–'}</td>
                  <td>{member.request ? t.requests.types[member.request.type] : <StatusBadge code={member.status} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
