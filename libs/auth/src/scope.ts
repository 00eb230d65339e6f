import type { Identity } from './identity';

/** What the scope rules need to know about an employee. */
export interface EmployeeScopeFacts {
  nip: string;
  /** The employee's unit and its ancestors, nearest first. */
  unitPath: string[];
  /** NIP of whoever holds the employee's supervisor position, if anyone. */
  atasanNip: string | null;
}

const has = (identity: Identity, role: Identity['roles'][number]) => identity.roles.includes(role);

/**
 * Who may see an employee: ADMIN_BKD everyone; OPERATOR_OPD everyone in their unit and below; ATASAN
 * their direct subordinates; every PEGAWAI themself. Each service applies the same rules on its own data.
 */
export function canReadEmployee(identity: Identity, employee: EmployeeScopeFacts): boolean {
  if (has(identity, 'ADMIN_BKD')) return true;
  if (employee.nip === identity.nip) return true;
  if (has(identity, 'OPERATOR_OPD') && employee.unitPath.includes(identity.unitCode)) return true;
  return has(identity, 'ATASAN') && employee.atasanNip === identity.nip;
}

/**
 * Who may change an employee's master data (career record, history, attendance locations): ADMIN_BKD,
 * and OPERATOR_OPD within their units; never the employee themself, whatever their roles, so nobody
 * promotes themself or moves their own geofence. Without `nip` this is the check for a unit alone.
 */
export function canManageEmployee(identity: Identity, employee: Pick<EmployeeScopeFacts, 'unitPath'> & { nip?: string }): boolean {
  if (employee.nip === identity.nip) return false;
  if (has(identity, 'ADMIN_BKD')) return true;
  return has(identity, 'OPERATOR_OPD') && employee.unitPath.includes(identity.unitCode);
}

/** Units and positions are province-wide master data: only BKD changes them. */
export function canManageOrganisation(identity: Identity): boolean {
  return has(identity, 'ADMIN_BKD');
}

/** How a list of employees must be narrowed for this identity. */
export type EmployeeListScope =
  { kind: 'all' } | { kind: 'units'; unitCode: string; alsoNip: string } | { kind: 'subordinates'; atasanNip: string } | { kind: 'self'; nip: string };

export function employeeListScope(identity: Identity): EmployeeListScope {
  if (has(identity, 'ADMIN_BKD')) return { kind: 'all' };
  if (has(identity, 'OPERATOR_OPD')) return { kind: 'units', unitCode: identity.unitCode, alsoNip: identity.nip };
  if (has(identity, 'ATASAN')) return { kind: 'subordinates', atasanNip: identity.nip };
  return { kind: 'self', nip: identity.nip };
}

/**
 * Who may approve or reject an employee's attendance and leave requests: whoever holds the employee's
 * supervisor position (the atasan), an OPERATOR_OPD of the employee's units, or ADMIN_BKD; never the
 * employee themself.
 */
export function canDecideRequest(identity: Identity, employee: EmployeeScopeFacts): boolean {
  if (employee.nip === identity.nip) return false;
  if (employee.atasanNip === identity.nip) return true;
  return canManageEmployee(identity, employee);
}
