import { isRole, type Identity, type Role } from '@app/auth';
import { ApiError } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AccountStatus } from '../persistence/entities';

/** Who is logged in, for the portal to choose its pages (GET /auth/me). */
export interface MeView extends Identity {
  /** The unit's and position's names from the gateway's copy of SIAP, when it has them. */
  unitName: string | null;
  positionName: string | null;
}

/** An account as BKD (or an operator of the employee's units) sees it (GET /auth/accounts/{nip}). */
export interface AccountStateView {
  nip: string;
  exists: boolean;
  name: string | null;
  unitCode: string | null;
  status: AccountStatus | null;
  /** A password was ever set (the employee used an activation code, or the account is the first admin). */
  activated: boolean;
  roles: Role[];
  /** An activation code is issued and not yet used or expired. */
  activationOutstanding: boolean;
  activationExpiresAt: Date | null;
  /** The last login (a new session); null if none is recorded. */
  lastLoginAt: Date | null;
}

/** Read-only views of accounts: each one query on the account's key, its sessions' index and the read model. */
@Injectable()
export class AccountDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async me(identity: Identity): Promise<MeView> {
    const [row] = (await this.dataSource.query(
      `SELECT u.name AS unit_name, p.name AS position_name
       FROM (SELECT $1::text AS nip, $2::text AS unit_code) q
       LEFT JOIN unit u ON u.code = q.unit_code LEFT JOIN employee e ON e.nip = q.nip LEFT JOIN position p ON p.code = e.position_code`,
      [identity.nip, identity.unitCode],
    )) as { unit_name: string | null; position_name: string | null }[];
    const { nip, name, roles, unitCode } = identity;
    return { nip, name, roles, unitCode, unitName: row?.unit_name ?? null, positionName: row?.position_name ?? null };
  }

  /** BKD sees every account; an operator those of employees in their unit and below (the read model's unit path). */
  async state(who: Identity, nip: string): Promise<AccountStateView> {
    const [row] = (await this.dataSource.query(
      `SELECT a.nip, a.name, a.unit_code, a.status, a.roles, a.password_hash IS NOT NULL AS activated,
              a.activation_hash IS NOT NULL AND a.activation_expires > now() AS outstanding,
              CASE WHEN a.activation_hash IS NOT NULL AND a.activation_expires > now() THEN a.activation_expires END AS activation_expires,
              (SELECT max(s.created_at) FROM auth_session s WHERE s.nip = a.nip) AS last_login,
              (SELECT e.unit_path FROM employee e WHERE e.nip = $1) AS unit_path
       FROM (SELECT $1::text AS nip) q LEFT JOIN account a ON a.nip = q.nip`,
      [nip],
    )) as {
      nip: string | null;
      name: string | null;
      unit_code: string | null;
      status: AccountStatus | null;
      roles: string[] | null;
      activated: boolean | null;
      outstanding: boolean | null;
      activation_expires: Date | null;
      last_login: Date | null;
      unit_path: string[] | null;
    }[];
    if (!who.roles.includes('ADMIN_BKD') && !(row.unit_path ?? []).includes(who.unitCode))
      throw new ApiError(403, 'Operator OPD hanya dapat melihat akun pegawai di unitnya dan unit di bawahnya');
    return {
      nip,
      exists: row.nip !== null,
      name: row.name,
      unitCode: row.unit_code,
      status: row.status,
      activated: row.activated ?? false,
      roles: (row.roles ?? []).filter(isRole),
      activationOutstanding: row.outstanding ?? false,
      activationExpiresAt: row.activation_expires,
      lastLoginAt: row.last_login,
    };
  }
}
