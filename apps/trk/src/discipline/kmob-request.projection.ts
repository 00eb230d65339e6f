import { AttendanceEvents, type RequestApprovedEventData } from '@app/contracts';
import { EventProjection, KafkaConnection, type EventConsumer, type CloudEvent } from '@app/messaging';
import { SERVICE_LOGGER } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { monthsCovered } from '../domain/approved-requests';
import { ScoreCorrections } from '../months/score-corrections';

/**
 * K-Mob's approved requests (kmob.attendance.v1), so that leave and sick days lower the norm while the
 * month is open, before K-Mob's closed month says so. Idempotent twice over: the consumer's inbox for a
 * redelivered event, the request id for the same approval published again. A request approved for a
 * month TRK has already closed corrects the published score.
 */
@Injectable()
export class KmobRequestProjection extends EventProjection {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    kafka: KafkaConnection,
    private readonly corrections: ScoreCorrections,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    super(kafka, dataSource, { name: 'trk-attendance-requests', log: logger, partitionsConcurrently: 2, description: 'K-Mob request projection' });
  }

  protected subscribe(consumer: EventConsumer): void {
    // Only approvals: the check-ins that make up the bulk of the topic have no handler, so the consumer
    // drops them before any validation or database work.
    consumer.on(AttendanceEvents.requestApproved, (event, m) => this.apply(event, m));
  }

  async apply(event: CloudEvent<RequestApprovedEventData>, m: EntityManager): Promise<void> {
    const r = event.data;
    const inserted = (await m.query(
      `INSERT INTO kmob_request (id, nip, type, start_date, end_date, approved_by, approved_at)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce(nullif($7, '')::timestamptz, now()))
       ON CONFLICT (id) DO NOTHING RETURNING 1`,
      [r.id, r.nip, r.type, r.startDate, r.endDate, r.approvedBy, event.time],
    )) as unknown[];
    if (inserted.length > 0)
      await this.corrections.correct(
        m,
        monthsCovered(r.startDate, r.endDate).map((month) => ({ nip: r.nip, month })),
      );
  }
}
