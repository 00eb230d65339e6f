import type { EmployeeScopeFacts } from '@app/auth';
import type { EmployeeState } from '@app/contracts';
import { preparedQuery } from '@app/service-kit';
import type { DataSource } from 'typeorm';
import type { EmployeeHistoryEntity } from '../persistence/entities';

/** An employee's profile as GET /employees/{nip} answers it: the full current state and the riwayat. */
export type EmployeeProfile = EmployeeState & { history: EmployeeHistoryEntity[] };

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The profile and the scope facts its reader is checked against, in one statement: the employee (by
 * key), the position, the unit path up the unit tree, the riwayat (employee_history by NIP and TMT)
 * and the atasan. The atasan is looked up only for someone else's record: everyone may read their own,
 * and the rush's own-profile reads then skip that lookup (by the employee_position_code index) entirely.
 */
const PROFILE_SQL = `
  SELECT e.nip, e.name, to_char(e.birth_date, 'YYYY-MM-DD') AS "birthDate", e.sex, e.employment_type AS "employmentType", e.golongan,
    e.unit_code AS "unitCode",
    COALESCE((WITH RECURSIVE up(code, parent_code, depth) AS (
                SELECT u.code, u.parent_code, 0 FROM unit u WHERE u.code = e.unit_code
                UNION ALL SELECT u.code, u.parent_code, up.depth + 1 FROM unit u JOIN up ON u.code = up.parent_code WHERE up.depth < 50)
              SELECT array_agg(up.code ORDER BY up.depth) FROM up), '{}') AS "unitPath",
    e.position_code AS "positionCode", p.kelas_jabatan AS "kelasJabatan", p.parent_code AS "supervisorPositionCode",
    to_char(e.tmt_cpns, 'YYYY-MM-DD') AS "tmtCpns", e.status, e.email, e.phone, e.version,
    COALESCE((SELECT json_agg(json_build_object('id', h.id::text, 'nip', h.nip, 'section', h.section, 'skNumber', h.sk_number,
                                                'tmt', to_char(h.tmt, 'YYYY-MM-DD'), 'details', h.details, 'recordedAt', ${ISO('h.recorded_at')})
                              ORDER BY h.tmt, h.id)
              FROM employee_history h WHERE h.nip = e.nip), '[]') AS history,
    CASE WHEN e.nip = $2 THEN NULL
         ELSE (SELECT a.nip FROM employee a WHERE a.position_code = p.parent_code AND a.status = 'AKTIF' ORDER BY a.nip LIMIT 1) END AS "atasanNip"
  FROM employee e JOIN position p ON p.code = e.position_code
  WHERE e.nip = $1`;

type ProfileRow = EmployeeState & { history: (Omit<EmployeeHistoryEntity, 'recordedAt'> & { recordedAt: string })[]; atasanNip: string | null };

/** The profile of `nip` with the facts the scope rules (libs/auth) need about it, for `readerNip` to read; null when there is no such employee. */
export async function readEmployeeProfile(
  dataSource: DataSource,
  nip: string,
  readerNip: string,
): Promise<{ profile: EmployeeProfile; scope: EmployeeScopeFacts } | null> {
  const [row] = await preparedQuery<ProfileRow>(dataSource, 'siap-employee-profile', PROFILE_SQL, [nip, readerNip]);
  if (!row) return null;
  const { atasanNip, history, ...state } = row;
  // JSON carries the instant as text; answered as the Date it is, it reads back the same (ISO, in ms).
  const profile = { ...state, history: history.map((entry) => ({ ...entry, recordedAt: new Date(entry.recordedAt) })) };
  return { profile, scope: { nip: row.nip, unitPath: row.unitPath, atasanNip } };
}
