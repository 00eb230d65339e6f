import { canManageEmployee, canReadEmployee, type Identity } from '@app/auth';
import type { SiapScope } from '@app/siap-read-model';
import type { DataSource } from 'typeorm';

const EMPLOYEE_PATH = /^\/api\/v1\/siap\/employees\/(\d{18})(?:[/?]|$)/;
const DENIED = 'Anda tidak berhak mengakses data pegawai ini';

/**
 * The gateway's own check of SIAP employee routes against its copy of SIAP (libs/siap-read-model: unit
 * path, atasan hierarchy). SIAP checks again on its own data; this one stops a request before it travels.
 * Returns null when the request may pass, else the reason.
 */
export async function siapEmployeeDenial(dataSource: DataSource, scope: SiapScope, identity: Identity, method: string, url: string): Promise<string | null> {
  const match = EMPLOYEE_PATH.exec(url);
  if (!match || identity.roles.includes('ADMIN_BKD')) return null; // BKD may see and change everyone
  const read = method === 'GET' || method === 'HEAD';
  // Everyone may read their own record (canReadEmployee's first rule after BKD's): the rush's
  // own-profile reads need no query here.
  if (read && match[1] === identity.nip) return null;
  const facts = await scope.employee(dataSource, match[1]);
  if (!facts) return null; // not projected yet: SIAP decides
  const allowed = read ? canReadEmployee(identity, facts) : canManageEmployee(identity, facts);
  return allowed ? null : DENIED;
}
