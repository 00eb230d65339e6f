import { EmployeeEvents, OrganizationEvents, type EmployeeEventData, type EmployeeState, type PositionEventData, type UnitEventData } from '@app/contracts';
import { EventConsumer, KafkaConnection, type CloudEvent } from '@app/messaging';
import { SERVICE_LOGGER } from '@app/service-kit';
import { Inject, Injectable, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';

/** What applying one employee event changed in the read model, for a service's own follow-up. */
export interface EmployeeChange {
  employee: EmployeeState;
  /** The event's decree, when it has one (the TMT a unit change takes effect from). */
  decreeTmt: string | null;
  /** First sight of the employee in this service. */
  isNew: boolean;
  /** The day from which the employee's unit (or being in service) changed, when it did. */
  unitChangedFrom: string | null;
}

/** A service's own work on each applied employee change, in the same transaction (accounts, corrections). */
export interface SiapProjectionHooks {
  onEmployee(change: EmployeeChange, m: EntityManager): Promise<void>;
}

export interface SiapReadModelOptions {
  /** Kafka consumer group and inbox key, e.g. `kmob-employees`. */
  consumer: string;
  /** Partitions applied in parallel while catching up (each still in order). */
  partitionsConcurrently?: number;
  hooks?: Type<SiapProjectionHooks>;
  /** The local date an event without a decree takes effect (the service's clock). */
  today?(instant: Date): string;
}

export const SIAP_READ_MODEL_OPTIONS = Symbol('SIAP_READ_MODEL_OPTIONS');

/**
 * Keeps a service's copy of SIAP's units, positions and employees from siap.organization.v1 and
 * siap.employee.v1. Every event carries the full state; an older version than the one held is ignored,
 * and a redelivered event changes nothing (the consumer's inbox). Each employee's unit is also kept over
 * time from the decree's TMT, so a day is counted under the unit the employee was in that day.
 */
@Injectable()
export class SiapProjection implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: EventConsumer | null = null;
  private hooks: SiapProjectionHooks | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    private readonly moduleRef: ModuleRef,
    @Inject(SIAP_READ_MODEL_OPTIONS) private readonly options: SiapReadModelOptions,
    @Optional() @Inject(SERVICE_LOGGER) private readonly logger?: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // The hooks live in the service's own module, with their own dependencies.
    this.hooks = this.options.hooks ? this.moduleRef.get(this.options.hooks, { strict: false }) : null;
    const log = this.logger ?? { info: () => undefined, warn: console.warn, error: console.error };
    const consumer = new EventConsumer(this.kafka, this.dataSource, {
      name: this.options.consumer,
      log,
      partitionsConcurrently: this.options.partitionsConcurrently ?? 1,
    });
    for (const definition of Object.values(EmployeeEvents)) consumer.on(definition, (event, m) => this.applyEmployee(event, m));
    for (const definition of [OrganizationEvents.unitCreated, OrganizationEvents.unitUpdated, OrganizationEvents.unitSnapshot])
      consumer.on(definition, (event, m) => this.applyUnit(event, m));
    for (const definition of [OrganizationEvents.positionCreated, OrganizationEvents.positionUpdated, OrganizationEvents.positionSnapshot])
      consumer.on(definition, (event, m) => this.applyPosition(event, m));
    this.consumer = consumer;
    // Kafka may come up after the service; the projection catches up once it can connect.
    consumer.start().catch((error: Error) => this.logger?.error({ err: error }, 'SIAP projection could not start'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  get stats() {
    return this.consumer?.stats ?? { applied: 0, deadLettered: 0 };
  }

  async applyEmployee(event: CloudEvent<EmployeeEventData>, m: EntityManager): Promise<void> {
    const e = event.data.employee;
    const [{ applied }] = (await m.query(
      `WITH up AS (
         INSERT INTO employee (nip, name, unit_code, unit_path, position_code, supervisor_position_code, status, tmt_cpns, kelas_jabatan, employment_type, golongan, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (nip) DO UPDATE SET name = $2, unit_code = $3, unit_path = $4, position_code = $5, supervisor_position_code = $6, status = $7,
           tmt_cpns = $8, kelas_jabatan = $9, employment_type = $10, golongan = $11, version = $12
         WHERE employee.version <= $12
         RETURNING 1)
       SELECT count(*)::int AS applied FROM up`,
      [
        e.nip,
        e.name,
        e.unitCode,
        e.unitPath,
        e.positionCode,
        e.supervisorPositionCode,
        e.status,
        e.tmtCpns,
        e.kelasJabatan,
        e.employmentType,
        e.golongan,
        e.version,
      ],
    )) as { applied: number }[];
    if (applied === 0) return;
    const decreeTmt = event.data.decree?.tmt ?? null;
    const from = decreeTmt ?? (this.options.today ?? ((d: Date) => d.toISOString().slice(0, 10)))(new Date(event.time));
    const [current] = (await m.query('SELECT unit_code FROM employee_unit WHERE nip = $1 ORDER BY valid_from DESC LIMIT 1', [e.nip])) as {
      unit_code: string | null;
    }[];
    const inService = e.status === 'AKTIF';
    let unitChangedFrom: string | null = null;
    if (!current) {
      await this.recordUnit(m, e.nip, e.tmtCpns, e.unitCode, e.unitPath);
      if (!inService) await this.recordUnit(m, e.nip, from, null, null);
    } else if (!inService && current.unit_code !== null) {
      await this.recordUnit(m, e.nip, from, null, null);
      unitChangedFrom = from;
    } else if (inService && current.unit_code !== e.unitCode) {
      await this.recordUnit(m, e.nip, from, e.unitCode, e.unitPath);
      unitChangedFrom = from;
    }
    await this.hooks?.onEmployee({ employee: e, decreeTmt, isNew: !current, unitChangedFrom }, m);
  }

  async applyUnit(event: CloudEvent<UnitEventData>, m: EntityManager): Promise<void> {
    const u = event.data.unit;
    await m.query(
      `INSERT INTO unit (code, name, parent_code, path, version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET name = $2, parent_code = $3, path = $4, version = $5 WHERE unit.version <= $5`,
      [u.code, u.name, u.parentCode, u.path, u.version],
    );
  }

  async applyPosition(event: CloudEvent<PositionEventData>, m: EntityManager): Promise<void> {
    const p = event.data.position;
    await m.query(
      `INSERT INTO position (code, name, type, unit_code, parent_code, kelas_jabatan, version) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET name = $2, type = $3, unit_code = $4, parent_code = $5, kelas_jabatan = $6, version = $7 WHERE position.version <= $7`,
      [p.code, p.name, p.type, p.unitCode, p.parentCode, p.kelasJabatan, p.version],
    );
  }

  private async recordUnit(m: EntityManager, nip: string, from: string, unitCode: string | null, unitPath: string[] | null): Promise<void> {
    await m.query(
      `INSERT INTO employee_unit (nip, valid_from, unit_code, unit_path) VALUES ($1, $2, $3, $4)
       ON CONFLICT (nip, valid_from) DO UPDATE SET unit_code = $3, unit_path = $4`,
      [nip, from, unitCode, unitPath],
    );
  }
}
