export const ROLES = ['ADMIN_BKD', 'OPERATOR_OPD', 'ATASAN', 'PEGAWAI'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking, as the gateway verified it: passed to every service with each request. */
export interface Identity {
  nip: string;
  name: string;
  roles: Role[];
  /** The account's own unit; an operator's scope is this unit and everything below it. */
  unitCode: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
