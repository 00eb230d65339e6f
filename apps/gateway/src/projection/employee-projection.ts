import { EmployeeEvents, type EmployeeEventData } from '@app/contracts';
import { EventConsumer, KafkaConnection, type CloudEvent } from '@app/messaging';
import { SERVICE_LOGGER } from '@app/service-kit';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { AuthService } from '../accounts/auth.service';
import { LiveSessions } from '../accounts/live-sessions';

/**
 * Keeps the gateway's copy of SIAP's employees (unit scope, atasan hierarchy) and their accounts:
 * a new employee gets an inactive account with PEGAWAI; one who leaves service is disabled and logged
 * out everywhere. Every employee event carries the full state, so each one is applied the same way;
 * an older version than the one held is ignored.
 */
@Injectable()
export class EmployeeProjection implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: EventConsumer | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    private readonly auth: AuthService,
    private readonly live: LiveSessions,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumer = new EventConsumer(this.kafka, this.dataSource, { name: 'gateway-employees', log: this.logger });
    for (const definition of Object.values(EmployeeEvents)) consumer.on(definition, (event, m) => this.apply(event, m));
    this.consumer = consumer;
    // Kafka may come up after the gateway; the projection catches up once it can connect.
    consumer.start().catch((error: Error) => this.logger.error({ err: error }, 'employee projection could not start'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  async apply(event: CloudEvent<EmployeeEventData>, m: EntityManager): Promise<void> {
    const e = event.data.employee;
    const [{ applied }] = (await m.query(
      `WITH up AS (
         INSERT INTO employee_projection (nip, name, unit_code, unit_path, position_code, supervisor_position_code, status, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (nip) DO UPDATE SET name = $2, unit_code = $3, unit_path = $4, position_code = $5,
           supervisor_position_code = $6, status = $7, version = $8
         WHERE employee_projection.version <= $8
         RETURNING 1)
       SELECT count(*)::int AS applied FROM up`,
      [e.nip, e.name, e.unitCode, e.unitPath, e.positionCode, e.supervisorPositionCode, e.status, e.version],
    )) as { applied: number }[];
    if (applied === 0) return;
    const active = e.status === 'AKTIF';
    const [account] = (await m.query(
      `WITH old AS (SELECT status, unit_code FROM account WHERE nip = $1),
       up AS (
         INSERT INTO account (nip, name, unit_code, status, roles) VALUES ($1, $2, $3, $4, ARRAY['PEGAWAI'])
         ON CONFLICT (nip) DO UPDATE SET name = $2, unit_code = $3,
           status = CASE WHEN NOT $5 THEN 'DISABLED' WHEN account.status = 'DISABLED' THEN 'INACTIVE' ELSE account.status END
         RETURNING status, unit_code)
       SELECT (SELECT status FROM old) AS old_status, (SELECT unit_code FROM old) AS old_unit, up.status, up.unit_code FROM up`,
      [e.nip, e.name, e.unitCode, active ? 'INACTIVE' : 'DISABLED', active],
    )) as { old_status: string | null; old_unit: string | null; status: string; unit_code: string }[];
    if (!active && account.old_status !== 'DISABLED') await this.auth.endAllSessions(m, e.nip);
    // A transfer moves an operator's scope: tokens issued before it are checked afresh.
    else if (active && account.old_status !== null && (account.old_unit !== account.unit_code || account.old_status !== account.status)) await this.live.record(m, e.nip);
  }
}
