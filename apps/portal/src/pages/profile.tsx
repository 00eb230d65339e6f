import { useOwnEmployee } from '../api/queries';
import { EmployeeFacts, EmployeeHistory } from '../components/employee-facts';
import { Loading } from '../components/notice';
import { Page } from '../components/page';
import { t } from '../i18n';

/** Profil: the signed-in employee's own record and riwayat, read only (changes go through an operator). */
export default function ProfilePage() {
  const employee = useOwnEmployee();
  return (
    <Page title={t.profile.title}>
      {!employee.data ? (
        <Loading error={employee.error} />
      ) : (
        <>
          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{t.employees.facts}</h2>
            <EmployeeFacts employee={employee.data} />
          </section>
          <section aria-labelledby="history-heading">
            <h2 id="history-heading">{t.profile.history}</h2>
            <EmployeeHistory history={employee.data.history} />
          </section>
        </>
      )}
    </Page>
  );
}
