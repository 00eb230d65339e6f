import { EmployeeEvents, type EmployeeEventData, type EmployeeState, type EventDefinition } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { ApiError, conflict, currentTraceparent, invalid, notFound } from '@app/service-kit';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isValidGolongan } from '../domain/golongan';
import { EmployeeEntity, EmployeeHistoryEntity, PositionEntity, UnitEntity, type HistorySection } from '../persistence/entities';
import { unitSubtree } from '../units/unit.service';
import type { EmployeeQueryDto, PositionChangeDto, PromotionDto, RegisterEmployeeDto, TerminationDto, TransferDto, UpdateEmployeeDto } from './employee.dto';
import { employeeState } from './employee-state';
import { registrationProblems } from './registration-rules';

const STALE = 'Data pegawai telah diubah oleh pengguna lain; muat ulang lalu coba lagi';

@Injectable()
export class EmployeeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

  async register(dto: RegisterEmployeeDto): Promise<EmployeeState> {
    return this.dataSource.transaction(async (m) => {
      const [unit, position] = await Promise.all([m.findOneBy(UnitEntity, { code: dto.unitCode }), m.findOneBy(PositionEntity, { code: dto.positionCode })]);
      const problems = registrationProblems(dto, { hasUnit: () => unit !== null, positionUnit: () => position?.unitCode });
      if (problems.length > 0) throw new ApiError(HttpStatus.BAD_REQUEST, `Data tidak valid: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
      const inserted = (await m
        .createQueryBuilder()
        .insert()
        .into(EmployeeEntity)
        .values({ ...dto, email: dto.email ?? null, phone: dto.phone ?? null, status: 'AKTIF', version: 1 })
        .orIgnore()
        .execute()) as { raw: unknown[] };
      if (inserted.raw.length === 0) throw conflict(`Pegawai dengan NIP ${dto.nip} sudah terdaftar`, [{ field: 'nip', message: 'sudah terdaftar' }]);
      await m.insert(EmployeeHistoryEntity, [
        { nip: dto.nip, section: 'golongan', skNumber: null, tmt: dto.tmtCpns, details: { golongan: dto.golongan } },
        { nip: dto.nip, section: 'jabatan', skNumber: null, tmt: dto.tmtCpns, details: { positionCode: dto.positionCode } },
        { nip: dto.nip, section: 'unit', skNumber: null, tmt: dto.tmtCpns, details: { unitCode: dto.unitCode } },
      ]);
      const employee = await m.findOneByOrFail(EmployeeEntity, { nip: dto.nip });
      const state = await employeeState(m, employee);
      await this.emit(m, EmployeeEvents.registered, { employee: state });
      return state;
    });
  }

  async get(nip: string): Promise<EmployeeState & { history: EmployeeHistoryEntity[] }> {
    const m = this.dataSource.manager;
    const employee = await m.findOneBy(EmployeeEntity, { nip });
    if (!employee) throw notFound(`Pegawai dengan NIP ${nip}`);
    const history = await m.find(EmployeeHistoryEntity, { where: { nip }, order: { tmt: 'ASC', id: 'ASC' } });
    return { ...(await employeeState(m, employee)), history };
  }

  async list(query: EmployeeQueryDto): Promise<{ items: EmployeeEntity[]; total: number; page: number; pageSize: number }> {
    const qb = this.dataSource.getRepository(EmployeeEntity).createQueryBuilder('e');
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
      await m.insert(EmployeeHistoryEntity, { nip, section: 'data_pribadi', skNumber: null, tmt: null, details: { before: pick(e, Object.keys(changes)), after: changes } });
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
      await m.insert(EmployeeHistoryEntity, { nip, section: 'golongan', skNumber: dto.skNumber, tmt: dto.tmt, details: { from: e.golongan, to: dto.golongan } });
      return { changes: { golongan: dto.golongan }, decree: dto };
    });
  }

  async changePosition(nip: string, dto: PositionChangeDto): Promise<EmployeeState> {
    return this.change(nip, dto.version, EmployeeEvents.positionChanged, async (m, e) => {
      await this.requirePositionInUnit(m, dto.positionCode, e.unitCode);
      await m.insert(EmployeeHistoryEntity, { nip, section: 'jabatan', skNumber: dto.skNumber, tmt: dto.tmt, details: { from: e.positionCode, to: dto.positionCode } });
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

  async addHistory(nip: string, section: HistorySection, entry: { skNumber?: string; tmt?: string; details: Record<string, unknown> }): Promise<EmployeeHistoryEntity> {
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
    apply: (m: EntityManager, current: EmployeeEntity) => Promise<{ changes: Partial<EmployeeEntity>; decree?: { skNumber: string; tmt: string }; reason?: string }>,
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
      await this.emit(m, definition, { employee: state, previous, ...(decree ? { decree: { skNumber: decree.skNumber, tmt: decree.tmt } } : {}), ...(reason ? { reason } : {}) });
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
