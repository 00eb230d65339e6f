import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api, ApiProblem, unwrap } from '../api/client';
import type { operations } from '../api/schema';
import { EmployeeStatusBadge } from '../components/employee-facts';
import { Field } from '../components/field';
import { Loading, ProblemNotice } from '../components/notice';
import { rankLabel, unitSubtree, useUnitNames, useUnits } from '../components/organisation';
import { Page } from '../components/page';
import { formatNumber } from '../format';
import { fill, t } from '../i18n';
import { hasRole, useSession } from '../session/session';

const PAGE_SIZE = 25;
const STATUSES = Object.keys(t.profile.employeeStatuses);

/** The search as the URL keeps it (?q=&unit=&status=&page=), so the back button and a reload keep it too. */
interface Search {
  q: string;
  unit: string;
  status: string;
  page: number;
}

function readSearch(params: URLSearchParams): Search {
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    unit: params.get('unit') ?? '',
    status: STATUSES.includes(params.get('status') ?? '') ? params.get('status')! : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function toParams(search: Search): Record<string, string> {
  const params: Record<string, string> = {};
  if (search.q) params.q = search.q;
  if (search.unit) params.unit = search.unit;
  if (search.status) params.status = search.status;
  if (search.page > 1) params.page = String(search.page);
  return params;
}

type EmployeeQuery = NonNullable<operations['siap_Employee_list']['parameters']['query']>;
type EmployeeStatus = NonNullable<EmployeeQuery['status']>;

const fetchEmployees = (query: EmployeeQuery) => unwrap(api.GET('/api/v1/siap/employees', { params: { query } }));

/** Pegawai: find an employee by name or NIP within the caller's units, and open their record. */
export default function EmployeesPage() {
  const user = useSession()!.user;
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const units = useUnits();
  const unitName = useUnitNames();
  const list = useQuery({
    queryKey: ['siap', 'employees', search],
    queryFn: () =>
      fetchEmployees({
        q: search.q || undefined,
        unitCode: search.unit || undefined,
        status: (search.status || undefined) as EmployeeStatus | undefined,
        page: search.page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });

  // An operator picks among the units they manage; BKD among all.
  const allUnits = units.data?.items ?? [];
  const scope = hasRole(user, 'ADMIN_BKD') ? null : unitSubtree(allUnits, user.unitCode);
  const unitOptions = allUnits.filter((unit) => !scope || scope.has(unit.code)).sort((a, b) => a.name.localeCompare(b.name, 'id'));

  const go = (next: Search) => setParams(toParams(next));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    go({ q: String(form.get('q') ?? '').trim(), unit: String(form.get('unit') ?? ''), status: String(form.get('status') ?? ''), page: 1 });
  };
  const fieldError = (name: string) => (list.error instanceof ApiProblem ? list.error.field(name) : undefined);

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const filtered = !!(search.q || search.unit || search.status);

  return (
    <Page title={t.employees.title}>
      {/* Keyed by the URL: the back button puts the fields back as they were. */}
      <form key={params.toString()} className="card" role="search" onSubmit={submit} noValidate>
        <Field label={t.employees.query} hint={t.employees.queryHint} error={fieldError('q')}>
          <input name="q" type="search" defaultValue={search.q} maxLength={100} autoComplete="off" />
        </Field>
        <div className="row">
          <Field label={t.common.unit} error={fieldError('unitCode')}>
            <select name="unit" defaultValue={search.unit}>
              <option value="">{t.employees.allUnits}</option>
              {unitOptions.map((unit) => (
                <option key={unit.code} value={unit.code}>
                  {unit.name}
                </option>
              ))}
              {search.unit && !unitOptions.some((unit) => unit.code === search.unit) && <option value={search.unit}>{unitName(search.unit)}</option>}
            </select>
          </Field>
          <Field label={t.common.status} error={fieldError('status')}>
            <select name="status" defaultValue={search.status}>
              <option value="">{t.employees.allStatuses}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t.profile.employeeStatuses[status]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="actions">
          <button className="primary">{t.common.search}</button>
          {filtered && (
            <Link className="button" href="/pegawai">
              {t.employees.clear}
            </Link>
          )}
        </div>
      </form>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{t.employees.results}</h2>
        {!data ? (
          <Loading error={list.error} />
        ) : (
          <>
            {list.error ? <ProblemNotice error={list.error} /> : null}
            <p role="status">
              <strong>{fill(t.employees.total, { count: formatNumber(data.total) })}</strong>
              {data.total > 0 && ` · ${fill(t.employees.page, { page: formatNumber(data.page), pages: formatNumber(pages) })}`}
            </p>
            {data.items.length === 0 ? (
              <p>{t.employees.none}</p>
            ) : (
              <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table} aria-busy={list.isFetching}>
                <table>
                  <thead>
                    <tr>
                      <th>{t.common.name}</th>
                      <th>{t.common.rank}</th>
                      <th>{t.common.unit}</th>
                      <th>{t.common.status}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((employee) => (
                      <tr key={employee.nip}>
                        <td>
                          <Link href={`/pegawai/${employee.nip}`}>{employee.name}</Link>
                          <br />
                          <span className="muted">
                            {t.auth.nip} {employee.nip}
                          </span>
                        </td>
                        <td>{rankLabel(employee.golongan)}</td>
                        <td>{unitName(employee.unitCode)}</td>
                        <td>
                          <EmployeeStatusBadge status={employee.status} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {pages > 1 && (
              <nav className="actions" aria-label={t.employees.results}>
                <button type="button" disabled={search.page <= 1 || list.isFetching} onClick={() => go({ ...search, page: search.page - 1 })}>
                  {t.employees.prev}
                </button>
                <button type="button" disabled={search.page >= pages || list.isFetching} onClick={() => go({ ...search, page: search.page + 1 })}>
                  {t.employees.next}
                </button>
              </nav>
            )}
          </>
        )}
      </section>
    </Page>
  );
}
