import { canManageEmployee, canManageOrganisation, canReadEmployee, employeeListScope, type Identity } from '@app/auth';
import { ApiError, notFound } from '@app/service-kit';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { unitPath, unitSubtree } from '../units/unit.service';

const FORBIDDEN = 'Anda tidak berhak mengakses data pegawai ini';
const isAdmin = (identity: Identity) => identity.roles.includes('ADMIN_BKD');

/** How a list of employees is narrowed for the caller, in SQL terms. */
export type EmployeeListFilter =
  { kind: 'all' } | { kind: 'units'; units: string[]; alsoNip: string } | { kind: 'subordinates'; atasanNip: string } | { kind: 'self'; nip: string };

/**
 * SIAP's own enforcement of the platform's scope rules (libs/auth), on its own data: the gateway checks
 * too, but a mistake there must not expose personnel data.
 */
@Injectable()
export class EmployeeAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async assertCanRead(identity: Identity, nip: string): Promise<void> {
    if (isAdmin(identity)) return; // no lookup needed: BKD sees everyone (an unknown NIP still gets 404)
    const facts = await this.facts(nip);
    if (!canReadEmployee(identity, facts)) throw new ApiError(HttpStatus.FORBIDDEN, FORBIDDEN);
  }

  async assertCanManage(identity: Identity, nip: string): Promise<void> {
    if (nip === identity.nip)
      throw new ApiError(HttpStatus.FORBIDDEN, 'Anda tidak dapat mengubah data kepegawaian Anda sendiri; mintalah operator atau admin lain');
    if (isAdmin(identity)) return;
    const facts = await this.facts(nip);
    if (!canManageEmployee(identity, facts)) throw new ApiError(HttpStatus.FORBIDDEN, FORBIDDEN);
  }

  /** For a registration or a transfer into `unitCode`: the unit must be within the caller's scope. */
  async assertCanManageUnit(identity: Identity, unitCode: string): Promise<void> {
    if (isAdmin(identity)) return;
    if (!canManageEmployee(identity, { unitPath: await unitPath(this.dataSource.manager, unitCode) })) {
      throw new ApiError(HttpStatus.FORBIDDEN, `Anda tidak berhak mengelola pegawai pada unit ${unitCode}`);
    }
  }

  assertCanManageOrganisation(identity: Identity): void {
    if (!canManageOrganisation(identity)) throw new ApiError(HttpStatus.FORBIDDEN, 'Hanya admin BKD yang dapat mengubah unit dan jabatan');
  }

  async listFilter(identity: Identity): Promise<EmployeeListFilter> {
    const scope = employeeListScope(identity);
    if (scope.kind === 'units') return { kind: 'units', units: await unitSubtree(this.dataSource.manager, scope.unitCode), alsoNip: scope.alsoNip };
    return scope;
  }

  private async facts(nip: string) {
    const [row] = (await this.dataSource.query(
      `SELECT e.nip, e.unit_code,
              (SELECT h.nip FROM employee h WHERE h.position_code = p.parent_code AND h.status = 'AKTIF' ORDER BY h.nip LIMIT 1) AS atasan_nip
       FROM employee e JOIN position p ON p.code = e.position_code WHERE e.nip = $1`,
      [nip],
    )) as { nip: string; unit_code: string; atasan_nip: string | null }[];
    if (!row) throw notFound(`Pegawai dengan NIP ${nip}`);
    return { nip: row.nip, unitPath: await unitPath(this.dataSource.manager, row.unit_code), atasanNip: row.atasan_nip };
  }
}
