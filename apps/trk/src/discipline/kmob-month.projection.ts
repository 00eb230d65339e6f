import { DisciplineEvents, type DisciplineSummaryEventData } from '@app/contracts';
import { EventConsumer, KafkaConnection, type CloudEvent } from '@app/messaging';
import { SERVICE_LOGGER } from '@app/service-kit';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
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
export class KmobMonthProjection implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: EventConsumer | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    private readonly corrections: ScoreCorrections,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const consumer = new EventConsumer(this.kafka, this.dataSource, { name: 'trk-discipline', log: this.logger, partitionsConcurrently: 2 });
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
