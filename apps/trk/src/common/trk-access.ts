import { canDecideRequest, canManageEmployee, canReadEmployee, type EmployeeScopeFacts, type Identity } from '@app/auth';
import { SiapScope, type ReadModelEmployee } from '@app/siap-read-model';
import { ApiError, nipParam, notFound } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export const FORBIDDEN = 'Anda tidak berhak mengakses data kinerja pegawai ini';

/**
 * Who verifies an employee's activities: whoever holds the employee's supervisor position (SiapScope's
 * atasan); only when that position is vacant (or the employee has none) does the rule for deciding
 * requests (libs/auth canDecideRequest: an operator of the employee's units, or BKD) take over. An
 * operator does not verify past an atasan in post, since the atasan is who saw the work. Never one's own.
 */
export function canVerifyActivities(who: Identity, employee: EmployeeScopeFacts): boolean {
  if (employee.nip === who.nip) return false;
  if (employee.atasanNip !== null) return employee.atasanNip === who.nip;
  return canDecideRequest(who, employee);
}

/** Who sees an employee's activities: the scope rules of libs/auth, and the atasan by position whatever their roles. */
export function canSeeActivities(who: Identity, employee: EmployeeScopeFacts): boolean {
  return canReadEmployee(who, employee) || (employee.atasanNip !== null && employee.atasanNip === who.nip);
}

/** The platform's scope rules (libs/auth) applied to TRK's copy of SIAP (libs/siap-read-model). */
@Injectable()
export class TrkAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: SiapScope,
  ) {}

  async employee(nip: string): Promise<ReadModelEmployee> {
    const employee = await this.scope.employee(this.dataSource, nipParam(nip));
    if (!employee) throw notFound(`Pegawai dengan NIP ${nip}`);
    return employee;
  }

  async assertCanSee(who: Identity, nip: string): Promise<ReadModelEmployee> {
    const employee = await this.employee(nip);
    if (!canSeeActivities(who, employee)) throw new ApiError(403, FORBIDDEN);
    return employee;
  }

  /** A unit's path (itself first), or 404 when SIAP has not announced the unit. */
  async unitPath(unitCode: string): Promise<string[]> {
    const path = await this.scope.unitPath(this.dataSource, unitCode);
    if (!path) throw notFound(`Unit ${unitCode}`);
    return path;
  }

  /** Admins manage every unit, operators their own unit and those below it. */
  async assertCanManageUnit(who: Identity, unitCode: string, what: string): Promise<void> {
    if (!canManageEmployee(who, { unitPath: await this.unitPath(unitCode) })) throw new ApiError(403, `Anda tidak berhak mengelola ${what} unit ${unitCode}`);
  }

  assertAdmin(who: Identity): void {
    if (!isAdmin(who)) throw new ApiError(403, 'Hanya admin BKD yang dapat melakukan tindakan ini');
  }
}

export const isAdmin = (who: Identity) => who.roles.includes('ADMIN_BKD');
export const isOperator = (who: Identity) => who.roles.includes('OPERATOR_OPD');
