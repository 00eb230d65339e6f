import { canDecideRequest, canManageEmployee, canReadEmployee, type Identity } from '@app/auth';
import { SiapScope, type ReadModelEmployee } from '@app/siap-read-model';
import { ApiError, nipParam, notFound } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export const FORBIDDEN = 'Anda tidak berhak mengakses data kehadiran pegawai ini';

/** An employee from K-Mob's copy of SIAP; K-Mob keeps the TMT CPNS of every one (working days start there). */
export type ProjectedEmployee = ReadModelEmployee & { tmtCpns: string };

/** The platform's scope rules (libs/auth) applied to K-Mob's copy of SIAP's employees and units (libs/siap-read-model). */
@Injectable()
export class KmobAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: SiapScope,
  ) {}

  async employee(nip: string): Promise<ProjectedEmployee> {
    const employee = await this.scope.employee(this.dataSource, nipParam(nip));
    if (!employee) throw notFound(`Pegawai dengan NIP ${nip}`);
    return { ...employee, tmtCpns: employee.tmtCpns ?? '1900-01-01' };
  }

  async assertCanRead(who: Identity, nip: string): Promise<ProjectedEmployee> {
    const employee = await this.employee(nip);
    if (!canReadEmployee(who, employee)) throw new ApiError(403, FORBIDDEN);
    return employee;
  }

  async assertCanManage(who: Identity, nip: string): Promise<ProjectedEmployee> {
    if (nip === who.nip) throw new ApiError(403, 'Anda tidak dapat mengubah data kehadiran Anda sendiri; mintalah operator atau admin lain');
    const employee = await this.employee(nip);
    if (!canManageEmployee(who, employee)) throw new ApiError(403, FORBIDDEN);
    return employee;
  }

  async assertCanDecide(who: Identity, nip: string): Promise<ProjectedEmployee> {
    const employee = await this.employee(nip);
    if (!canDecideRequest(who, employee)) throw new ApiError(403, 'Hanya atasan langsung pegawai atau operator unitnya yang dapat memutuskan permohonan ini');
    return employee;
  }

  /** A unit's path (itself first), or 404 when SIAP has not announced the unit. */
  async unitPath(unitCode: string): Promise<string[]> {
    const path = await this.scope.unitPath(this.dataSource, unitCode);
    if (!path) throw notFound(`Unit ${unitCode}`);
    return path;
  }

  /** Admins manage every unit, operators their own unit and those below it. */
  async canManageUnit(who: Identity, unitCode: string): Promise<boolean> {
    return canManageEmployee(who, { unitPath: await this.unitPath(unitCode) });
  }

  async assertCanManageUnit(who: Identity, unitCode: string): Promise<void> {
    if (!(await this.canManageUnit(who, unitCode))) throw new ApiError(403, `Anda tidak berhak mengelola unit ${unitCode}`);
  }

  assertAdmin(who: Identity): void {
    if (!who.roles.includes('ADMIN_BKD')) throw new ApiError(403, 'Hanya admin BKD yang dapat melakukan tindakan ini');
  }
}
