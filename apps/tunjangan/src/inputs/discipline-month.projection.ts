import { DisciplineEvents, type DisciplineSummaryEventData } from '@app/contracts';
import { EventConsumer, KafkaConnection, type CloudEvent } from '@app/messaging';
import { SERVICE_LOGGER } from '@app/service-kit';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * K-Mob's closed months (kmob.discipline.v1): the capped deduction that sets the discipline part of TPP,
 * with the day counts, the unit periods and the days behind it, so a line can explain it. K-Mob owns
 * these numbers (one owner per number); they are stored as announced, never recomputed here.
 * Idempotent (the consumer's inbox) and keeping only the highest version, whatever order versions arrive in.
 */
@Injectable()
export class DisciplineMonthProjection implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: EventConsumer | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const consumer = new EventConsumer(this.kafka, this.dataSource, { name: 'tunjangan-discipline', log: this.logger, partitionsConcurrently: 2 });
    for (const definition of Object.values(DisciplineEvents)) consumer.on(definition, (event, m) => this.apply(event, m));
    this.consumer = consumer;
    // Kafka may come up after the service; the projection catches up once it can connect.
    consumer.start().catch((error: Error) => this.logger.error({ err: error }, 'K-Mob discipline projection could not start'));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  async apply(event: CloudEvent<DisciplineSummaryEventData>, m: EntityManager): Promise<void> {
    const s = event.data;
    // The percent goes to numeric as JSON wrote it (the shortest exact decimal of the number), never through float arithmetic.
    await m.query(
      `INSERT INTO discipline_month (month, nip, version, event_id, deduction_percent, counts, units, contributing_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (month, nip) DO UPDATE SET version = $3, event_id = $4, deduction_percent = $5, counts = $6, units = $7,
         contributing_days = $8, received_at = now()
       WHERE discipline_month.version < $3`,
      [s.month, s.nip, s.version, event.id, String(s.deductionPercent), JSON.stringify(s.counts), JSON.stringify(s.units), JSON.stringify(s.contributingDays)],
    );
  }
}
