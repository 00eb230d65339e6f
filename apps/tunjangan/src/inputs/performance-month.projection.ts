import { PerformanceEvents, type MonthScoreEventData } from '@app/contracts';
import { EventProjection, KafkaConnection, type EventConsumer, type CloudEvent } from '@app/messaging';
import { SERVICE_LOGGER } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * TRK's closed months (trk.performance.v1): the score that sets the kinerja part of TPP (score ÷ 100),
 * kept as TRK's exact two-decimal string in numeric(5,2), with its components for the explanation.
 * Idempotent (the consumer's inbox) and keeping only the highest version, whatever order versions arrive in.
 */
@Injectable()
export class PerformanceMonthProjection extends EventProjection {
  constructor(@InjectDataSource() dataSource: DataSource, kafka: KafkaConnection, @Inject(SERVICE_LOGGER) logger: Logger) {
    super(kafka, dataSource, { name: 'tunjangan-performance', log: logger, partitionsConcurrently: 2, description: 'TRK performance projection' });
  }

  protected subscribe(consumer: EventConsumer): void {
    for (const definition of Object.values(PerformanceEvents)) consumer.on(definition, (event, m) => this.apply(event, m));
  }

  async apply(event: CloudEvent<MonthScoreEventData>, m: EntityManager): Promise<void> {
    const s = event.data;
    await m.query(
      `INSERT INTO performance_month (month, nip, version, event_id, score, components, approved_minutes, norm_minutes, norm_source, kmob_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (month, nip) DO UPDATE SET version = $3, event_id = $4, score = $5, components = $6, approved_minutes = $7,
         norm_minutes = $8, norm_source = $9, kmob_version = $10, received_at = now()
       WHERE performance_month.version < $3`,
      [s.month, s.nip, s.version, event.id, s.score, JSON.stringify(s.components), s.approvedMinutes, s.normMinutes, s.normSource, s.kmobVersion],
    );
  }
}
