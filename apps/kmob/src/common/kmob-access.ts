import { canDecideRequest, canManageEmployee, canReadEmployee, type EmployeeScopeFacts, type Identity } from '@app/auth';
import { ApiError, nipParam, notFound } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export const FORBIDDEN = 'Anda tidak berhak mengakses data kehadiran pegawai ini';

export interface ProjectedEmployee extends EmployeeScopeFacts {
  name: string;
  unitCode: string;
  status: string;
  tmtCpns: string;
}

/** The platform's scope rules (libs/auth) applied to K-Mob's projection of SIAP's employees and units. */
@Injectable()
export class KmobAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async employee(nip: string): Promise<ProjectedEmployee> {
    nipParam(nip);
    const [row] = (await this.dataSource.query(
      `SELECT e.nip, e.name, e.unit_code, e.unit_path, e.status, to_char(e.tmt_cpns, 'YYYY-MM-DD') AS tmt_cpns,
              (SELECT a.nip FROM employee a WHERE a.position_code = e.supervisor_position_code AND a.status = 'AKTIF' ORDER BY a.nip LIMIT 1) AS atasan_nip
       FROM employee e WHERE e.nip = $1`,
      [nip],
    )) as { nip: string; name: string; unit_code: string; unit_path: string[]; status: string; tmt_cpns: string; atasan_nip: string | null }[];
    if (!row) throw notFound(`Pegawai dengan NIP ${nip}`);
    return { nip: row.nip, name: row.name, unitCode: row.unit_code, unitPath: row.unit_path, status: row.status, tmtCpns: row.tmt_cpns, atasanNip: row.atasan_nip };
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
    const [row] = (await this.dataSource.query('SELECT path FROM unit WHERE code = $1', [unitCode])) as { path: string[] }[];
    if (!row) throw notFound(`Unit ${unitCode}`);
    return row.path;
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
