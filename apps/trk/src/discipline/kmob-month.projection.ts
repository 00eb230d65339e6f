import { DisciplineEvents, type DisciplineSummaryEventData } from '@app/contracts';
import { EventProjection, KafkaConnection, type EventConsumer, type CloudEvent } from '@app/messaging';
import { SERVICE_LOGGER } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { ScoreCorrections } from '../months/score-corrections';

/**
 * K-Mob's closed months (kmob.discipline.v1) as the norm needs them: the working days and the day
 * counts per status. Idempotent (the consumer's inbox) and keeping only the highest version, whatever
 * order versions arrive in; a newer version for a month TRK has closed corrects the published score.
 */
@Injectable()
export class KmobMonthProjection extends EventProjection {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    kafka: KafkaConnection,
    private readonly corrections: ScoreCorrections,
    @Inject(SERVICE_LOGGER) logger: Logger,
  ) {
    super(kafka, dataSource, { name: 'trk-discipline', log: logger, partitionsConcurrently: 2, description: 'K-Mob discipline projection' });
  }

  protected subscribe(consumer: EventConsumer): void {
    for (const definition of Object.values(DisciplineEvents)) consumer.on(definition, (event, m) => this.apply(event, m));
  }

  async apply(event: CloudEvent<DisciplineSummaryEventData>, m: EntityManager): Promise<void> {
    const s = event.data;
    // In service across units in the month: its working days are those of every unit it was in.
    const workingDays = s.units.reduce((total, u) => total + u.workingDays, 0);
    const applied = (await m.query(
      `INSERT INTO kmob_month (nip, month, version, working_days, counts) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (month, nip) DO UPDATE SET version = $3, working_days = $4, counts = $5, received_at = now() WHERE kmob_month.version < $3
       RETURNING 1`,
      [s.nip, s.month, s.version, workingDays, JSON.stringify(s.counts)],
    )) as unknown[];
    if (applied.length > 0) await this.corrections.correct(m, [{ nip: s.nip, month: s.month }]);
  }
}
