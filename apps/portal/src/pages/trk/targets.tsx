import { useOwnEmployee } from '../../api/queries';
import { useCatalogue, useTargets } from '../../api/trk-queries';
import { Loading } from '../../components/notice';
import { Page } from '../../components/page';
import { t } from '../../i18n';
import { hasRole, useSession } from '../../session/session';
import { TargetList } from './target-list';
import { TargetProposal } from './target-proposal';
import { TeamTargets } from './team-targets';

/** Target (IKI): one's own targets and their achievement, a new proposal, and, for the atasan, the team's to agree. */
export default function TargetsPage() {
  const user = useSession()!.user;
  const mine = useTargets(user.nip);
  const employee = useOwnEmployee();
  const catalogue = useCatalogue(employee.data?.positionCode ?? null, !!employee.data);
  return (
    <Page title={t.targets.title}>
      <section aria-labelledby="my-targets-heading">
        <h2 id="my-targets-heading">{t.targets.mine}</h2>
        {!mine.data ? <Loading error={mine.error} /> : <TargetList targets={mine.data} />}
      </section>
      <section className="card" aria-labelledby="propose-heading">
        <h2 id="propose-heading" style={{ marginTop: 0 }}>
          {t.targets.propose}
        </h2>
        {!catalogue.data ? <Loading error={employee.error ?? catalogue.error} /> : <TargetProposal catalogue={catalogue.data} />}
      </section>
      {hasRole(user, 'ATASAN', 'OPERATOR_OPD', 'ADMIN_BKD') && <TeamTargets />}
    </Page>
  );
}
