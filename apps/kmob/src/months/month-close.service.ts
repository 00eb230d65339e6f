import { DisciplineEvents } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { ApiError, SERVICE_LOGGER } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { DayResolver, summaryDigest, summaryEventData } from '../attendance/day-resolver';
import { LocalClock } from '../common/local-clock';

/** Employees per transaction when a month is closed. */
const BATCH = 1000;

export interface CloseResult {
  month: string;
  employees: number;
  published: number;
  unchanged: number;
}

/**
 * Closing a month freezes each employee's summary and publishes it (version 1). A change that lands in
 * a closed month afterwards (an imported machine log, a request approved late) reopens that employee's
 * month: it is recomputed in the same transaction as the change and published as the next version.
 * Closing again publishes only summaries that differ from the last published one.
 */
@Injectable()
export class MonthCloseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly resolver: DayResolver,
    private readonly outbox: OutboxPublisher,
    private readonly clock: LocalClock,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async close(month: string, by: string): Promise<CloseResult> {
    if (month >= this.clock.today().slice(0, 7)) throw new ApiError(422, `Bulan ${month} belum berakhir dan belum dapat ditutup`, [{ field: 'month', message: 'belum berakhir' }]);
    await this.dataSource.query('INSERT INTO month_close (month, closed_by) VALUES ($1, $2) ON CONFLICT (month) DO NOTHING', [month, by]);
    const nips = ((await this.dataSource.query(`SELECT DISTINCT nip FROM employee_unit WHERE valid_from <= $1 ORDER BY nip`, [`${month}-31`])) as { nip: string }[]).map((r) => r.nip);
    const result: CloseResult = { month, employees: 0, published: 0, unchanged: 0 };
    for (let i = 0; i < nips.length; i += BATCH) {
      await this.dataSource.transaction(async (m) => {
        const { employees, published } = await this.publish(m, nips.slice(i, i + BATCH), month);
        result.employees += employees;
        result.published += published;
        result.unchanged += employees - published;
      });
      this.logger.info(`closing ${month}: ${Math.min(i + BATCH, nips.length)}/${nips.length} employees`);
    }
    return result;
  }

  /** Inside a change's transaction: recompute and republish the employees' closed months it touched. */
  async correct(m: EntityManager, touched: { nip: string; date: string }[]): Promise<number> {
    if (touched.length === 0) return 0;
    const months = [...new Set(touched.map((t) => t.date.slice(0, 7)))];
    const closed = ((await m.query('SELECT month FROM month_close WHERE month = ANY($1)', [months])) as { month: string }[]).map((r) => r.month);
    let published = 0;
    for (const month of closed) {
      const nips = [...new Set(touched.filter((t) => t.date.startsWith(month)).map((t) => t.nip))];
      published += (await this.publish(m, nips, month)).published;
    }
    return published;
  }

  async status(month: string) {
    const [closed] = (await this.dataSource.query('SELECT closed_at, closed_by FROM month_close WHERE month = $1', [month])) as { closed_at: Date; closed_by: string }[];
    const [counts] = (await this.dataSource.query(
      `SELECT count(*)::int AS employees, count(*) FILTER (WHERE version > 1)::int AS corrected FROM month_summary WHERE month = $1`,
      [month],
    )) as { employees: number; corrected: number }[];
    return { month, closed: !!closed, closedAt: closed?.closed_at ?? null, closedBy: closed?.closed_by ?? null, ...counts };
  }

  private async publish(m: EntityManager, nips: string[], month: string): Promise<{ employees: number; published: number }> {
    const daysOf = await this.resolver.resolve(m, nips, month);
    const held = new Map(
      ((await m.query('SELECT nip, version, digest FROM month_summary WHERE month = $1 AND nip = ANY($2) FOR UPDATE', [month, nips])) as { nip: string; version: number; digest: string }[]).map((r) => [r.nip, r]),
    );
    const rules = await this.resolver.monthRules(m, month);
    let employees = 0;
    const first: { key: string; data: ReturnType<typeof summaryEventData> }[] = [];
    const next: typeof first = [];
    for (const [nip, days] of daysOf) {
      if (days.length === 0) continue; // not in service that month
      employees++;
      const summary = this.resolver.summarise(nip, month, days, rules);
      const digest = summaryDigest(summary);
      const previous = held.get(nip);
      if (previous?.digest === digest) continue;
      const version = (previous?.version ?? 0) + 1;
      const data = summaryEventData(summary, version);
      await m.query(
        `INSERT INTO month_summary (month, nip, version, digest, summary) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (month, nip) DO UPDATE SET version = $3, digest = $4, summary = $5, published_at = now()`,
        [month, nip, version, digest, JSON.stringify(data)],
      );
      (previous ? next : first).push({ key: nip, data });
    }
    if (first.length) await this.outbox.publishMany(m, DisciplineEvents.monthClosed, first);
    if (next.length) await this.outbox.publishMany(m, DisciplineEvents.monthCorrected, next);
    return { employees, published: first.length + next.length };
  }
}
