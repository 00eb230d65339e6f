import { OrganizationEvents, type PositionState } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { conflict, currentTraceparent, invalid, notFound } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { RegistrationLookup } from '../employees/registration-lookup';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PositionEntity, UnitEntity } from '../persistence/entities';
import type { CreatePositionDto, UpdatePositionDto } from './position.dto';

@Injectable()
export class PositionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly registrationLookup: RegistrationLookup,
  ) {}

  list(unitCode?: string): Promise<PositionEntity[]> {
    return this.dataSource.getRepository(PositionEntity).find({ where: unitCode ? { unitCode } : {}, order: { code: 'ASC' } });
  }

  async get(code: string): Promise<PositionState> {
    const position = await this.dataSource.getRepository(PositionEntity).findOneBy({ code });
    if (!position) throw notFound(`Jabatan ${code}`);
    return toPositionState(position);
  }

  async create(dto: CreatePositionDto): Promise<PositionState> {
    const state = await this.dataSource.transaction(async (m) => {
      if (await m.findOneBy(PositionEntity, { code: dto.code })) throw conflict(`Jabatan ${dto.code} sudah ada`, [{ field: 'code', message: 'sudah dipakai' }]);
      if (!(await m.findOneBy(UnitEntity, { code: dto.unitCode }))) throw invalid('unitCode', `unit ${dto.unitCode} tidak ditemukan`);
      if (dto.parentCode && !(await m.findOneBy(PositionEntity, { code: dto.parentCode })))
        throw invalid('parentCode', `jabatan ${dto.parentCode} tidak ditemukan`);
      const position = await m.save(PositionEntity, {
        code: dto.code,
        name: dto.name,
        type: dto.type,
        eselon: dto.type === 'STRUKTURAL' ? (dto.eselon ?? null) : null,
        jenjang: dto.type === 'FUNGSIONAL' ? (dto.jenjang ?? null) : null,
        kelasJabatan: dto.kelasJabatan,
        unitCode: dto.unitCode,
        parentCode: dto.parentCode ?? null,
        version: 1,
      });
      const state = toPositionState(position);
      await this.outbox.publish(m, OrganizationEvents.positionCreated, {
        key: `position:${position.code}`,
        data: { position: state },
        traceparent: currentTraceparent(),
      });
      return state;
    });
    this.registrationLookup.invalidate(); // after commit, so no lookup re-caches the old state
    return state;
  }

  async update(code: string, dto: UpdatePositionDto): Promise<PositionState> {
    const state = await this.dataSource.transaction(async (m) => {
      const position = await m.findOne(PositionEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!position) throw notFound(`Jabatan ${code}`);
      if (dto.parentCode) {
        if (!(await m.findOneBy(PositionEntity, { code: dto.parentCode }))) throw invalid('parentCode', `jabatan ${dto.parentCode} tidak ditemukan`);
        if ((await positionChain(m, dto.parentCode)).includes(code)) throw invalid('parentCode', 'akan membuat siklus pada hierarki jabatan');
      }
      Object.assign(position, {
        name: dto.name ?? position.name,
        kelasJabatan: dto.kelasJabatan ?? position.kelasJabatan,
        parentCode: dto.parentCode === undefined ? position.parentCode : dto.parentCode,
        eselon: dto.eselon === undefined ? position.eselon : dto.eselon,
        jenjang: dto.jenjang === undefined ? position.jenjang : dto.jenjang,
        version: position.version + 1,
      });
      await m.save(PositionEntity, position);
      const state = toPositionState(position);
      await this.outbox.publish(m, OrganizationEvents.positionUpdated, {
        key: `position:${code}`,
        data: { position: state },
        traceparent: currentTraceparent(),
      });
      return state;
    });
    this.registrationLookup.invalidate(); // after commit, so no lookup re-caches the old state
    return state;
  }
}

async function positionChain(m: EntityManager, code: string): Promise<string[]> {
  const rows = (await m.query(
    `WITH RECURSIVE up(code, parent_code, depth) AS (
       SELECT code, parent_code, 0 FROM position WHERE code = $1
       UNION ALL SELECT p.code, p.parent_code, up.depth + 1 FROM position p JOIN up ON p.code = up.parent_code WHERE up.depth < 50)
     SELECT code FROM up`,
    [code],
  )) as { code: string }[];
  return rows.map((r) => r.code);
}

export function toPositionState(p: PositionEntity): PositionState {
  return {
    code: p.code,
    name: p.name,
    type: p.type,
    eselon: p.eselon,
    jenjang: p.jenjang,
    kelasJabatan: p.kelasJabatan,
    unitCode: p.unitCode,
    parentCode: p.parentCode,
    version: p.version,
  };
}
