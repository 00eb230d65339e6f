import { canManageEmployee, canReadEmployee, type Identity } from '@app/auth';
import type { DataSource } from 'typeorm';

const EMPLOYEE_PATH = /^\/api\/v1\/siap\/employees\/(\d{18})(?:[/?]|$)/;

/**
 * The gateway's own check of SIAP employee routes against its projection of SIAP's events (unit path,
 * atasan hierarchy). SIAP checks again on its own data; this one stops a request before it travels.
 * Returns null when the request may pass, else the reason.
 */
export async function siapEmployeeDenial(dataSource: DataSource, identity: Identity, method: string, url: string): Promise<string | null> {
  const match = EMPLOYEE_PATH.exec(url);
  if (!match || identity.roles.includes('ADMIN_BKD')) return null; // BKD may see and change everyone
  const [row] = (await dataSource.query(
    `SELECT e.nip, e.unit_path,
            (SELECT a.nip FROM employee_projection a WHERE a.position_code = e.supervisor_position_code AND a.status = 'AKTIF' ORDER BY a.nip LIMIT 1) AS atasan_nip
     FROM employee_projection e WHERE e.nip = $1`,
    [match[1]],
  )) as { nip: string; unit_path: string[]; atasan_nip: string | null }[];
  if (!row) return null; // not projected yet: SIAP decides
  const facts = { nip: row.nip, unitPath: row.unit_path, atasanNip: row.atasan_nip };
  const allowed = method === 'GET' || method === 'HEAD' ? canReadEmployee(identity, facts) : canManageEmployee(identity, facts);
  return allowed ? null : 'Anda tidak berhak mengakses data pegawai ini';
}
