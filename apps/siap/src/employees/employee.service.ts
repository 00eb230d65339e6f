import { canReadEmployee, type Identity } from '@app/auth';
import { EmployeeEvents, type EmployeeEventData, type EmployeeState, type EventDefinition } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { ApiError, conflict, currentTraceparent, invalid, notFound } from '@app/service-kit';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isValidGolongan } from '../domain/golongan';
import { EmployeeEntity, EmployeeHistoryEntity, PositionEntity, type HistorySection } from '../persistence/entities';
import { unitSubtree } from '../units/unit.service';
import type { EmployeeQueryDto, PositionChangeDto, PromotionDto, RegisterEmployeeDto, TerminationDto, TransferDto, UpdateEmployeeDto } from './employee.dto';
import type { EmployeeListFilter } from '../common/employee-access';
import { buildEmployeeState, employeeState } from './employee-state';
import { readEmployeeProfile, type EmployeeProfile } from './employee-profile.sql';
import { RegistrationLookup } from './registration-lookup';
import { registrationProblems } from './registration-rules';
import { preparedQuery } from '@app/service-kit';

const STALE = 'Data pegawai telah diubah oleh pengguna lain; muat ulang lalu coba lagi';
/** As EmployeeAccess words it for every other route. */
const READ_FORBIDDEN = 'Anda tidak berhak mengakses data pegawai ini';

@Injectable()
export class EmployeeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly lookup: RegistrationLookup,
  ) {}

  /**
   * Registration is the hot path (bulk onboarding, the morning of a new intake): one read of the
   * organisation, then the employee, its first history rows and its event in a single statement, which
   * is atomic on its own and costs one round trip instead of a transaction's ten.
   */
  async register(dto: RegisterEmployeeDto): Promise<EmployeeState> {
    const org = await this.lookup.get(dto.unitCode, dto.positionCode);
    const problems = registrationProblems(dto, { hasUnit: () => org.unitPath !== null, positionUnit: () => org.positionUnit ?? undefined });
    if (problems.length > 0)
      throw new ApiError(HttpStatus.BAD_REQUEST, `Data tidak valid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);

    const employee = Object.assign(new EmployeeEntity(), { ...dto, email: dto.email ?? null, phone: dto.phone ?? null, status: 'AKTIF', version: 1 });
    const state = buildEmployeeState(employee, { kelasJabatan: org.kelasJabatan as number, parentCode: org.supervisorPositionCode }, org.unitPath as string[]);
    const values = [
      dto.nip,
      dto.name,
      dto.birthDate,
      dto.sex,
      dto.employmentType,
      dto.golongan,
      dto.unitCode,
      dto.positionCode,
      dto.tmtCpns,
      employee.email,
      employee.phone,
    ];
    const history = [{ golongan: dto.golongan }, { positionCode: dto.positionCode }, { unitCode: dto.unitCode }].map((d) => JSON.stringify(d));
    const outbox = this.outbox.prepare(
      EmployeeEvents.registered,
      [{ key: dto.nip, data: { employee: state }, traceparent: currentTraceparent() }],
      values.length + history.length + 1,
    );
    const [{ inserted }] = await preparedQuery<{ inserted: number }>(
      this.dataSource,
      'siap-register-insert',
      `WITH e AS (
         INSERT INTO employee (nip, name, birth_date, sex, employment_type, golongan, unit_code, position_code, tmt_cpns, email, phone, status, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'AKTIF', 1) ON CONFLICT (nip) DO NOTHING RETURNING nip),
       h AS (
         INSERT INTO employee_history (nip, section, tmt, details)
         SELECT e.nip, s.section, $9::date, s.details FROM e
         CROSS JOIN (VALUES ('golongan', $12::jsonb), ('jabatan', $13::jsonb), ('unit', $14::jsonb)) AS s(section, details)),
       o AS (${outbox.sql} WHERE EXISTS (SELECT 1 FROM e))
       SELECT count(*)::int AS inserted FROM e`,
      [...values, ...history, ...outbox.params],
    );
    if (inserted === 0) throw conflict(`Pegawai dengan NIP ${dto.nip} sudah terdaftar`, [{ field: 'nip', message: 'sudah terdaftar' }]);
    return state;
  }

  /**
   * An employee's profile for a reader the scope rules (libs/auth) allow: what every phone reads when the
   * portal opens, so the profile and the facts the rules need come in one round trip.
   */
  async read(who: Identity, nip: string): Promise<EmployeeProfile> {
    const found = await readEmployeeProfile(this.dataSource, nip, who.nip);
    if (!found) throw notFound(`Pegawai dengan NIP ${nip}`);
    if (!canReadEmployee(who, found.scope)) throw new ApiError(HttpStatus.FORBIDDEN, READ_FORBIDDEN);
    return found.profile;
  }

  async list(query: EmployeeQueryDto, scope: EmployeeListFilter): Promise<{ items: EmployeeEntity[]; total: number; page: number; pageSize: number }> {
    const qb = this.dataSource.getRepository(EmployeeEntity).createQueryBuilder('e');
    if (scope.kind === 'units') qb.andWhere('(e.unit_code = ANY(:scopeUnits) OR e.nip = :scopeNip)', { scopeUnits: scope.units, scopeNip: scope.alsoNip });
    if (scope.kind === 'self') qb.andWhere('e.nip = :scopeNip', { scopeNip: scope.nip });
    if (scope.kind === 'subordinates') {
      // Direct subordinates: whoever holds a position whose parent is the atasan's own position.
      qb.andWhere(
        `e.position_code IN (SELECT p.code FROM position p WHERE p.parent_code IN (SELECT a.position_code FROM employee a WHERE a.nip = :atasan)) AND e.nip <> :atasan`,
        { atasan: scope.atasanNip },
      );
    }
    if (query.unitCode) qb.andWhere('e.unit_code = ANY(:units)', { units: await unitSubtree(this.dataSource.manager, query.unitCode) });
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.golongan) qb.andWhere('e.golongan = :golongan', { golongan: query.golongan });
    if (query.q) {
      const q = query.q.trim();
      if (/^\d+$/.test(q)) qb.andWhere('e.nip LIKE :nip', { nip: `${q}%` });
      else qb.andWhere('lower(e.name) LIKE :name', { name: `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%` });
    }
    const [items, total] = await qb
      .orderBy('e.name', 'ASC')
      .addOrderBy('e.nip', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async update(nip: string, dto: UpdateEmployeeDto): Promise<EmployeeState> {
    return this.change(nip, dto.version, EmployeeEvents.updated, async (m, e) => {
      const changes: Partial<EmployeeEntity> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.email !== undefined) changes.email = dto.email;
      if (dto.phone !== undefined) changes.phone = dto.phone;
      await m.insert(EmployeeHistoryEntity, {
        nip,
        section: 'data_pribadi',
        skNumber: null,
        tmt: null,
        details: { before: pick(e, Object.keys(changes)), after: changes },
      });
      return { changes };
    });
  }

  async transfer(nip: string, dto: TransferDto): Promise<EmployeeState> {
    return this.change(nip, dto.version, EmployeeEvents.transferred, async (m, e) => {
      await this.requirePositionInUnit(m, dto.positionCode, dto.unitCode);
      if (e.unitCode === dto.unitCode) throw invalid('unitCode', 'sama dengan unit saat ini; gunakan perubahan jabatan');
      await m.insert(EmployeeHistoryEntity, [
        { nip, section: 'unit', skNumber: dto.skNumber, tmt: dto.tmt, details: { from: e.unitCode, to: dto.unitCode } },
        { nip, section: 'jabatan', skNumber: dto.skNumber, tmt: dto.tmt, details: { from: e.positionCode, to: dto.positionCode } },
      ]);
      return { changes: { unitCode: dto.unitCode, positionCode: dto.positionCode }, decree: dto };
    });
  }

  async promote(nip: string, dto: PromotionDto): Promise<EmployeeState> {
    return this.change(nip, dto.version, EmployeeEvents.promoted, async (m, e) => {
      if (!isValidGolongan(e.employmentType, dto.golongan)) throw invalid('golongan', `bukan golongan ${e.employmentType} yang valid`);
      await m.insert(EmployeeHistoryEntity, {
        nip,
        section: 'golongan',
        skNumber: dto.skNumber,
        tmt: dto.tmt,
        details: { from: e.golongan, to: dto.golongan },
      });
      return { changes: { golongan: dto.golongan }, decree: dto };
    });
  }

  async changePosition(nip: string, dto: PositionChangeDto): Promise<EmployeeState> {
    return this.change(nip, dto.version, EmployeeEvents.positionChanged, async (m, e) => {
      await this.requirePositionInUnit(m, dto.positionCode, e.unitCode);
      await m.insert(EmployeeHistoryEntity, {
        nip,
        section: 'jabatan',
        skNumber: dto.skNumber,
        tmt: dto.tmt,
        details: { from: e.positionCode, to: dto.positionCode },
      });
      return { changes: { positionCode: dto.positionCode }, decree: dto };
    });
  }

  async terminate(nip: string, dto: TerminationDto): Promise<EmployeeState> {
    return this.change(nip, dto.version, EmployeeEvents.terminated, async (m, e) => {
      if (e.status !== 'AKTIF') throw conflict(`Pegawai berstatus ${e.status}, bukan AKTIF`);
      await m.insert(EmployeeHistoryEntity, { nip, section: 'status', skNumber: dto.skNumber, tmt: dto.tmt, details: { from: e.status, to: dto.reason } });
      return { changes: { status: dto.reason }, decree: dto, reason: dto.reason };
    });
  }

  async addHistory(
    nip: string,
    section: HistorySection,
    entry: { skNumber?: string; tmt?: string; details: Record<string, unknown> },
  ): Promise<EmployeeHistoryEntity> {
    const m = this.dataSource.manager;
    if (!(await m.existsBy(EmployeeEntity, { nip }))) throw notFound(`Pegawai dengan NIP ${nip}`);
    return m.save(EmployeeHistoryEntity, { nip, section, skNumber: entry.skNumber ?? null, tmt: entry.tmt ?? null, details: entry.details });
  }

  /**
   * One optimistic-locked change: the row is updated only if it still has the version the caller saw,
   * so of two concurrent actions on one employee, one wins and the other gets 409.
   */
  private async change(
    nip: string,
    version: number,
    definition: EventDefinition<EmployeeEventData>,
    apply: (
      m: EntityManager,
      current: EmployeeEntity,
    ) => Promise<{ changes: Partial<EmployeeEntity>; decree?: { skNumber: string; tmt: string }; reason?: string }>,
  ): Promise<EmployeeState> {
    return this.dataSource.transaction(async (m) => {
      const current = await m.findOneBy(EmployeeEntity, { nip });
      if (!current) throw notFound(`Pegawai dengan NIP ${nip}`);
      if (current.version !== version) throw conflict(STALE, [{ field: 'version', message: `versi ${version} sudah usang; versi terkini ${current.version}` }]);
      const { changes, decree, reason } = await apply(m, current);
      const result = await m
        .createQueryBuilder()
        .update(EmployeeEntity)
        .set({ ...changes, version: () => 'version + 1' })
        .where('nip = :nip AND version = :version', { nip, version })
        .execute();
      if (result.affected !== 1) throw conflict(STALE, [{ field: 'version', message: `versi ${version} sudah usang` }]);
      const updated = await m.findOneByOrFail(EmployeeEntity, { nip });
      const state = await employeeState(m, updated);
      const previous = pick(current, Object.keys(changes)) as Partial<EmployeeState>;
      await this.emit(m, definition, {
        employee: state,
        previous,
        ...(decree ? { decree: { skNumber: decree.skNumber, tmt: decree.tmt } } : {}),
        ...(reason ? { reason } : {}),
      });
      return state;
    });
  }

  private async requirePositionInUnit(m: EntityManager, positionCode: string, unitCode: string): Promise<void> {
    const position = await m.findOneBy(PositionEntity, { code: positionCode });
    if (!position) throw invalid('positionCode', `jabatan ${positionCode} tidak ditemukan`);
    if (position.unitCode !== unitCode) throw invalid('positionCode', `jabatan ${positionCode} bukan jabatan pada unit ${unitCode}`);
  }

  private emit(m: EntityManager, definition: EventDefinition<EmployeeEventData>, data: EmployeeEventData) {
    return this.outbox.publish(m, definition, { key: data.employee.nip, data, traceparent: currentTraceparent() });
  }
}

function pick(e: EmployeeEntity, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (e as unknown as Record<string, unknown>)[k]]));
}
