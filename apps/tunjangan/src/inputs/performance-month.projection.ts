import { PerformanceEvents, type MonthScoreEventData } from '@app/contracts';
import { EventConsumer, KafkaConnection, type CloudEvent } from '@app/messaging';
import { SERVICE_LOGGER } from '@app/service-kit';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * TRK's closed months (trk.performance.v1): the score that sets the kinerja part of TPP (score ÷ 100),
 * kept as TRK's exact two-decimal string in numeric(5,2), with its components for the explanation.
 * Idempotent (the consumer's inbox) and keeping only the highest version, whatever order versions arrive in.
 */
@Injectable()
export class PerformanceMonthProjection implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: EventConsumer | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const consumer = new EventConsumer(this.kafka, this.dataSource, { name: 'tunjangan-performance', log: this.logger, partitionsConcurrently: 2 });
    for (const definition of Object.values(PerformanceEvents)) consumer.on(definition, (event, m) => this.apply(event, m));
    this.consumer = consumer;
    // Kafka may come up after the service; the projection catches up once it can connect.
    consumer.start().catch((error: Error) => this.logger.error({ err: error }, 'TRK performance projection could not start'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
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
