import { OrganizationEvents, type UnitState } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { conflict, currentTraceparent, invalid, notFound } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { RegistrationLookup } from '../employees/registration-lookup';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitEntity } from '../persistence/entities';
import type { CreateUnitDto, UpdateUnitDto } from './unit.dto';

@Injectable()
export class UnitService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly registrationLookup: RegistrationLookup,
  ) {}

  list(): Promise<UnitEntity[]> {
    return this.dataSource.getRepository(UnitEntity).find({ order: { code: 'ASC' } });
  }

  async get(code: string): Promise<UnitState> {
    const unit = await this.dataSource.getRepository(UnitEntity).findOneBy({ code });
    if (!unit) throw notFound(`Unit ${code}`);
    return toUnitState(unit, await unitPath(this.dataSource.manager, code));
  }

  async create(dto: CreateUnitDto): Promise<UnitState> {
    const state = await this.dataSource.transaction(async (m) => {
      if (await m.findOneBy(UnitEntity, { code: dto.code })) throw conflict(`Unit ${dto.code} sudah ada`, [{ field: 'code', message: 'sudah dipakai' }]);
      if (dto.parentCode && !(await m.findOneBy(UnitEntity, { code: dto.parentCode }))) throw invalid('parentCode', `unit ${dto.parentCode} tidak ditemukan`);
      const unit = await m.save(UnitEntity, { code: dto.code, name: dto.name, parentCode: dto.parentCode ?? null, address: dto.address ?? null, version: 1 });
      const state = toUnitState(unit, await unitPath(m, unit.code));
      await this.outbox.publish(m, OrganizationEvents.unitCreated, { key: `unit:${unit.code}`, data: { unit: state }, traceparent: currentTraceparent() });
      return state;
    });
    this.registrationLookup.invalidate(); // after commit, so no lookup re-caches the old state
    return state;
  }

  async update(code: string, dto: UpdateUnitDto): Promise<UnitState> {
    const state = await this.dataSource.transaction(async (m) => {
      const unit = await m.findOne(UnitEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw notFound(`Unit ${code}`);
      if (dto.parentCode !== undefined && dto.parentCode !== null) {
        if (!(await m.findOneBy(UnitEntity, { code: dto.parentCode }))) throw invalid('parentCode', `unit ${dto.parentCode} tidak ditemukan`);
        if ((await unitPath(m, dto.parentCode)).includes(code)) throw invalid('parentCode', 'akan membuat siklus pada pohon unit');
      }
      Object.assign(unit, {
        name: dto.name ?? unit.name,
        parentCode: dto.parentCode === undefined ? unit.parentCode : dto.parentCode,
        address: dto.address === undefined ? unit.address : dto.address,
        version: unit.version + 1,
      });
      await m.save(UnitEntity, unit);
      const state = toUnitState(unit, await unitPath(m, code));
      await this.outbox.publish(m, OrganizationEvents.unitUpdated, { key: `unit:${code}`, data: { unit: state }, traceparent: currentTraceparent() });
      return state;
    });
    this.registrationLookup.invalidate(); // after commit, so no lookup re-caches the old state
    return state;
  }
}

/** The unit and its ancestors, nearest first. */
export async function unitPath(m: EntityManager, code: string): Promise<string[]> {
  const rows = (await m.query(
    `WITH RECURSIVE up(code, parent_code, depth) AS (
       SELECT code, parent_code, 0 FROM unit WHERE code = $1
       UNION ALL SELECT u.code, u.parent_code, up.depth + 1 FROM unit u JOIN up ON u.code = up.parent_code WHERE up.depth < 50)
     SELECT code FROM up ORDER BY depth`,
    [code],
  )) as { code: string }[];
  return rows.map((r) => r.code);
}

/** The unit and every unit below it. */
export async function unitSubtree(m: EntityManager, code: string): Promise<string[]> {
  const rows = (await m.query(
    `WITH RECURSIVE down(code, depth) AS (
       SELECT code, 0 FROM unit WHERE code = $1
       UNION ALL SELECT u.code, down.depth + 1 FROM unit u JOIN down ON u.parent_code = down.code WHERE down.depth < 50)
     SELECT code FROM down`,
    [code],
  )) as { code: string }[];
  return rows.map((r) => r.code);
}

export function toUnitState(unit: UnitEntity, path: string[]): UnitState {
  return { code: unit.code, name: unit.name, parentCode: unit.parentCode, path, address: unit.address, version: unit.version };
}
