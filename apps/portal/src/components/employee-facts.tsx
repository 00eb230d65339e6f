import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { api, unwrap } from '../api/client';
import { keys } from '../api/queries';
import { formatDate, formatShortDate } from '../format';
import { fill, t } from '../i18n';
import { Fact, Facts } from './facts';
import { rankLabel, usePositionNames, useUnitNames } from './organisation';

const fetchEmployee = (nip: string) => unwrap(api.GET('/api/v1/siap/employees/{nip}', { params: { path: { nip } } }));

/** An employee's record as SIAP answers it: the current state, its version, and the riwayat. */
export type EmployeeRecord = Awaited<ReturnType<typeof fetchEmployee>>;
export type HistoryEntry = EmployeeRecord['history'][number];

/** Under the same key as useOwnEmployee, so a change to an employee refreshes every page that shows them. */
export const useEmployee = (nip: string) => useQuery({ queryKey: keys.employee(nip), queryFn: () => fetchEmployee(nip) });

/** Text of a field the API may leave empty. */
const text = (value: unknown): string => (typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : '–');

/** The employee's status in words, in colour too (never colour alone). */
export function EmployeeStatusBadge({ status }: { status: string }) {
  return <span className={`badge ${status === 'AKTIF' ? 'good' : 'neutral'}`}>{t.profile.employeeStatuses[status] ?? status}</span>;
}

/** The facts of an employee's record: who, rank, position, unit, service dates, contact. */
export function EmployeeFacts({ employee }: { employee: EmployeeRecord }) {
  const unitName = useUnitNames();
  const positionName = usePositionNames([employee.positionCode]);
  const parents = employee.unitPath.slice(1).map(unitName);
  const email = text(employee.email);
  const phone = text(employee.phone);
  return (
    <Facts>
      <Fact term={t.auth.nip}>{employee.nip}</Fact>
      <Fact term={t.common.name}>{employee.name}</Fact>
      <Fact term={t.common.rank}>{rankLabel(employee.golongan)}</Fact>
      <Fact term={t.common.position}>
        {positionName(employee.positionCode)}
        <br />
        <span className="muted">{fill(t.profile.kelasJabatan, { kelas: employee.kelasJabatan })}</span>
      </Fact>
      <Fact term={t.common.unit}>
        {unitName(employee.unitCode)}
        {parents.length > 0 && (
          <>
            <br />
            <span className="muted">{fill(t.profile.partOf, { path: parents.join(', ') })}</span>
          </>
        )}
      </Fact>
      <Fact term={employee.employmentType === 'PPPK' ? t.profile.tmtPppk : t.profile.tmtCpns}>{formatDate(employee.tmtCpns)}</Fact>
      <Fact term={t.profile.employment}>{t.profile.employmentTypes[employee.employmentType] ?? employee.employmentType}</Fact>
      <Fact term={t.profile.employeeStatus}>
        <EmployeeStatusBadge status={employee.status} />
      </Fact>
      <Fact term={t.profile.birthDate}>{formatDate(employee.birthDate)}</Fact>
      <Fact term={t.profile.sex}>{t.profile.sexes[employee.sex] ?? employee.sex}</Fact>
      <Fact term={t.profile.contact}>
        <span className="visually-hidden">{t.profile.email}: </span>
        {email === '–' ? email : <a href={`mailto:${email}`}>{email}</a>}
        <br />
        <span className="visually-hidden">{t.profile.phone}: </span>
        {phone === '–' ? phone : <a href={`tel:${phone.replace(/[^+0-9]/g, '')}`}>{phone}</a>}
      </Fact>
    </Facts>
  );
}

/** Sections in the order staff read a riwayat; any other section the API carries follows. */
const SECTION_ORDER = ['jabatan', 'golongan', 'unit', 'pendidikan', 'diklat', 'penghargaan', 'hukuman_disiplin', 'status', 'data_pribadi'];
const sectionRank = (section: string) => (SECTION_ORDER.includes(section) ? SECTION_ORDER.indexOf(section) : SECTION_ORDER.length);
const sectionTitle = (section: string) => t.profile.sections[section] ?? fill(t.profile.otherSection, { section: section.replace(/_/g, ' ') });
const CODE_SECTIONS: Record<string, string> = { jabatan: 'positionCode', unit: 'unitCode', golongan: 'golongan' };
const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A value from a riwayat entry's details, as words (never raw JSON). */
function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? t.common.yes : t.common.no;
  if (isDay(value)) return formatShortDate(value);
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (typeof value === 'object') return detailsText(value as Record<string, unknown>);
  return String(value);
}

function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${t.profile.detailLabels[key] ?? key.replace(/_/g, ' ')}: ${valueText(value)}`)
    .join('; ');
}

/** Oldest first by TMT; entries without a TMT after those with one, in the order they were recorded. */
function byDate(a: HistoryEntry, b: HistoryEntry): number {
  const [ta, tb] = [a.tmt ?? null, b.tmt ?? null];
  if (ta !== tb) return ta === null ? 1 : tb === null ? -1 : ta < tb ? -1 : 1;
  return Number(a.id) - Number(b.id);
}

/** The riwayat, one table per section (jabatan, pangkat, mutasi, pendidikan, …), each entry with its TMT and SK. */
export function EmployeeHistory({ history }: { history: readonly HistoryEntry[] }) {
  const id = useId();
  const details = (entry: HistoryEntry) => (entry.details ?? {}) as Record<string, unknown>;
  const codesOf = (section: string) =>
    history
      .filter((entry) => entry.section === section)
      .flatMap((entry) => [details(entry).from, details(entry).to, details(entry)[CODE_SECTIONS[section]]])
      .filter((code): code is string => typeof code === 'string');
  const unitName = useUnitNames();
  const positionName = usePositionNames(codesOf('jabatan'));

  if (history.length === 0) return <p>{t.profile.noHistory}</p>;

  const name = (section: string, code: unknown): string => {
    if (typeof code !== 'string') return valueText(code);
    if (section === 'jabatan') return positionName(code);
    if (section === 'unit') return unitName(code);
    if (section === 'golongan') return rankLabel(code);
    if (section === 'status') return t.profile.employeeStatuses[code] ?? code;
    return code;
  };
  const describe = (entry: HistoryEntry): string => {
    const d = details(entry);
    const section = entry.section;
    if (Object.hasOwn(CODE_SECTIONS, section) || section === 'status') {
      if (d.to !== undefined)
        return d.from !== undefined ? fill(t.profile.changed, { from: name(section, d.from), to: name(section, d.to) }) : name(section, d.to);
      const code = Object.hasOwn(CODE_SECTIONS, section) ? d[CODE_SECTIONS[section]] : undefined;
      if (code !== undefined) return name(section, code);
    }
    if (section === 'data_pribadi' && d.after && typeof d.after === 'object') {
      const fields = Object.keys(d.after).map((key) => t.profile.detailLabels[key] ?? key);
      return fill(t.profile.changedFields, { fields: fields.join(', ') });
    }
    return detailsText(d);
  };

  const sections = [...new Set(history.map((entry) => entry.section))].sort((a, b) => sectionRank(a) - sectionRank(b) || a.localeCompare(b));
  return (
    <>
      {sections.map((section) => (
        <section key={section} aria-labelledby={`${id}-${section}`}>
          <h3 id={`${id}-${section}`}>{sectionTitle(section)}</h3>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t.common.table}>
            <table>
              <thead>
                <tr>
                  <th>{t.employees.tmt}</th>
                  <th>{t.profile.entry}</th>
                  <th>{t.employees.skNumber}</th>
                </tr>
              </thead>
              <tbody>
                {history
                  .filter((entry) => entry.section === section)
                  .sort(byDate)
                  .map((entry) => (
                    <tr key={entry.id}>
                      <td style={{ whiteSpace: 'nowrap' }}>{entry.tmt ? formatShortDate(entry.tmt) : '–'}</td>
                      <td>{describe(entry)}</td>
                      <td style={{ overflowWrap: 'anywhere' }}>{text(entry.skNumber)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
