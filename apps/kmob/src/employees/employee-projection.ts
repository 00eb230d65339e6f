import { EmployeeEvents, OrganizationEvents, type EmployeeEventData, type UnitEventData } from '@app/contracts';
import { EventConsumer, KafkaConnection, type CloudEvent } from '@app/messaging';
import { SERVICE_LOGGER } from '@app/service-kit';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { LocalClock, monthStartsBetween } from '../common/local-clock';
import { MonthCloseService } from '../months/month-close.service';

/**
 * K-Mob's copy of SIAP's units and employees: unit and its ancestors (geofence locations, operator scope),
 * position and supervisor position (who approves requests), status. Every event carries the full
 * state; an older version than the one held is ignored. Unit changes are also kept as history from
 * the decree's TMT, so a month is summarised under the unit of each day.
 */
@Injectable()
export class EmployeeProjection implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: EventConsumer | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    private readonly clock: LocalClock,
    private readonly months: MonthCloseService,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumer = new EventConsumer(this.kafka, this.dataSource, { name: 'kmob-employees', log: this.logger, partitionsConcurrently: 4 });
    for (const definition of Object.values(EmployeeEvents)) consumer.on(definition, (event, m) => this.apply(event, m));
    for (const definition of [OrganizationEvents.unitCreated, OrganizationEvents.unitUpdated, OrganizationEvents.unitSnapshot]) {
      consumer.on(definition, (event, m) => this.applyUnit(event, m));
    }
    this.consumer = consumer;
    consumer.start().catch((error: Error) => this.logger.error({ err: error }, 'employee projection could not start'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  get stats() {
    return this.consumer?.stats ?? { applied: 0, deadLettered: 0 };
  }

  async apply(event: CloudEvent<EmployeeEventData>, m: EntityManager): Promise<void> {
    const e = event.data.employee;
    const [{ applied }] = (await m.query(
      `WITH up AS (
         INSERT INTO employee (nip, name, unit_code, unit_path, position_code, supervisor_position_code, status, tmt_cpns, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (nip) DO UPDATE SET name = $2, unit_code = $3, unit_path = $4, position_code = $5,
           supervisor_position_code = $6, status = $7, tmt_cpns = $8, version = $9
         WHERE employee.version <= $9
         RETURNING 1)
       SELECT count(*)::int AS applied FROM up`,
      [e.nip, e.name, e.unitCode, e.unitPath, e.positionCode, e.supervisorPositionCode, e.status, e.tmtCpns, e.version],
    )) as { applied: number }[];
    if (applied === 0) return;
    const from = event.data.decree?.tmt ?? this.clock.at(new Date(event.time)).date;
    const [current] = (await m.query('SELECT valid_from, unit_code FROM employee_unit WHERE nip = $1 ORDER BY valid_from DESC LIMIT 1', [e.nip])) as { unit_code: string | null }[];
    const inService = e.status === 'AKTIF';
    if (!current) {
      // First sight of the employee: nothing of theirs was summarised yet.
      await m.query('INSERT INTO employee_unit (nip, valid_from, unit_code, unit_path) VALUES ($1, $2, $3, $4)', [e.nip, e.tmtCpns, e.unitCode, e.unitPath]);
      if (!inService) await this.record(m, e.nip, from, null, null);
      return;
    }
    if (!inService && current.unit_code !== null) {
      await this.record(m, e.nip, from, null, null);
    } else if (inService && current.unit_code !== e.unitCode) {
      await this.record(m, e.nip, from, e.unitCode, e.unitPath);
    } else {
      return;
    }
    // A decree back-dated into closed months (a mutasi signed late) corrects those months.
    await this.months.correct(m, monthStartsBetween(from, this.clock.today()).map((date) => ({ nip: e.nip, date })));
  }

  /** Units give operators their scope over locations and the recap its names. */
  async applyUnit(event: CloudEvent<UnitEventData>, m: EntityManager): Promise<void> {
    const u = event.data.unit;
    await m.query(
      `INSERT INTO unit (code, name, path, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = $2, path = $3, version = $4 WHERE unit.version <= $4`,
      [u.code, u.name, u.path, u.version],
    );
  }

  private async record(m: EntityManager, nip: string, from: string, unitCode: string | null, unitPath: string[] | null): Promise<void> {
    await m.query(
      `INSERT INTO employee_unit (nip, valid_from, unit_code, unit_path) VALUES ($1, $2, $3, $4)
       ON CONFLICT (nip, valid_from) DO UPDATE SET unit_code = $3, unit_path = $4`,
      [nip, from, unitCode, unitPath],
    );
  }
}
