import { DisciplineEvents, type DisciplineSummaryEventData } from '@app/contracts';
import { EventProjection, KafkaConnection, type EventConsumer, type CloudEvent } from '@app/messaging';
import { SERVICE_LOGGER } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
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
export class DisciplineMonthProjection extends EventProjection {
  constructor(@InjectDataSource() dataSource: DataSource, kafka: KafkaConnection, @Inject(SERVICE_LOGGER) logger: Logger) {
    super(kafka, dataSource, { name: 'tunjangan-discipline', log: logger, partitionsConcurrently: 2, description: 'K-Mob discipline projection' });
  }

  protected subscribe(consumer: EventConsumer): void {
    for (const definition of Object.values(DisciplineEvents)) consumer.on(definition, (event, m) => this.apply(event, m));
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
