import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { trkKeys, useTargets, useTeam } from '../../api/trk-queries';
import { EmployeeChoice } from '../../components/employee-choice';
import { Loading } from '../../components/notice';
import { t } from '../../i18n';
import { hasRole, useSession } from '../../session/session';
import { TargetList } from './target-list';

/**
 * For whoever decides targets: an atasan's team's proposed targets in one list; any employee's targets
 * (their atasan's, or an operator's where the atasan position is vacant) by choosing them.
 */
export function TeamTargets() {
  const user = useSession()!.user;
  const atasan = hasRole(user, 'ATASAN');
  const team = useTeam(atasan);
  const members = team.data ?? [];
  const names = new Map(members.map((m) => [m.nip, m.name]));
  const waiting = useQueries({
    queries: members.map((m) => ({
      queryKey: trkKeys.targets(m.nip),
      queryFn: () => unwrap(api.GET('/api/v1/trk/targets', { params: { query: { nip: m.nip } } })),
    })),
    combine: (results) => ({ loading: results.some((r) => r.isPending), targets: results.flatMap((r) => r.data ?? []).filter((x) => x.status === 'PROPOSED') }),
  });
  const [nip, setNip] = useState(user.nip);
  const chosen = useTargets(nip, nip !== user.nip);

  return (
    <>
      {atasan && (
        <section aria-labelledby="waiting-targets-heading">
          <h2 id="waiting-targets-heading">{t.targets.waiting}</h2>
          {!team.data || waiting.loading ? <Loading error={team.error} /> : <TargetList targets={waiting.targets} names={names} decidable />}
        </section>
      )}
      <section aria-labelledby="employee-targets-heading">
        <h2 id="employee-targets-heading">{t.targets.ofEmployee}</h2>
        <EmployeeChoice nip={nip} onChange={setNip} />
        {nip !== user.nip && (!chosen.data ? <Loading error={chosen.error} /> : <TargetList targets={chosen.data} decidable />)}
      </section>
    </>
  );
}
