import { DisciplineEvents, type DisciplineSummaryEventData } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { ApiError, JobStore, type JobView, type StepResult } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DayResolver, summaryDigest, summaryEventData } from '../attendance/day-resolver';
import { datesOfMonth, LocalClock } from '../common/local-clock';
import { NoRuleInForce } from '../rules/rule-store';

/** Employees per step when a month is closed. */
const BATCH = 1000;

export const MONTH_CLOSE = 'kmob.month-close';

/**
 * Closing a month freezes each employee's summary and publishes it (version 1), as a durable job that
 * reports its progress (the province's 36,000 employees take longer than an HTTP request should) and
 * continues after a crash. A change that lands in a closed month afterwards (an imported machine log, a
 * request approved late) reopens that employee's month: it is recomputed in the same transaction as
 * the change and published as the next version. Closing again publishes only summaries that differ
 * from the last published one.
 */
@Injectable()
export class MonthCloseService {
  constructor(
    private readonly resolver: DayResolver,
    private readonly outbox: OutboxPublisher,
    private readonly clock: LocalClock,
    private readonly jobs: JobStore,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Starts closing `month` as a job (or returns the one already under way); follow it at GET /jobs/{id}. */
  async start(month: string, by: string): Promise<JobView> {
    if (month >= this.clock.today().slice(0, 7))
      throw new ApiError(422, `Bulan ${month} belum berakhir dan belum dapat ditutup`, [{ field: 'month', message: 'belum berakhir' }]);
    // Only a month without rules is the admin's to fix; any other failure (the database down) is the server's.
    await this.resolver.monthRules(month).catch((error: unknown) => {
      if (!(error instanceof NoRuleInForce)) throw error;
      throw new ApiError(422, `Bulan ${month} tidak dapat ditutup: belum ada aturan disiplin yang berlaku pada bulan itu`, [
        { field: 'month', message: 'tidak ada aturan disiplin yang berlaku' },
      ]);
    });
    return this.jobs.enqueue(
      MONTH_CLOSE,
      { month, by },
      { createdBy: by, dedupeKey: month, progress: { total: 0, processed: 0, employees: 0, published: 0, unchanged: 0 } },
    );
  }

  /**
   * One step of a close: the first marks the month CLOSING (so a change landing meanwhile corrects what
   * was already published) and counts the employees; each next publishes a batch of them in NIP order;
   * the last marks the month CLOSED. Returns the cursor: the last NIP done, or null when closed.
   */
  async closeStep(m: EntityManager, month: string, after: string | null, by: string): Promise<StepResult<{ after: string | null }>> {
    const lastDay = datesOfMonth(month).at(-1)!;
    if (after === null) {
      await m.query(`INSERT INTO month_close (month, closed_by, status) VALUES ($1, $2, 'CLOSING') ON CONFLICT (month) DO NOTHING`, [month, by]);
      const [{ total }] = (await m.query('SELECT count(DISTINCT nip)::int AS total FROM employee_unit WHERE valid_from <= $1', [lastDay])) as {
        total: number;
      }[];
      return { cursor: { after: '' }, set: { total } };
    }
    const nips = (
      (await m.query('SELECT DISTINCT nip FROM employee_unit WHERE valid_from <= $1 AND nip > $2 ORDER BY nip LIMIT $3', [lastDay, after, BATCH])) as {
        nip: string;
      }[]
    ).map((r) => r.nip);
    if (nips.length === 0) {
      await m.query(`UPDATE month_close SET status = 'CLOSED', closed_at = now(), closed_by = $2 WHERE month = $1 AND status = 'CLOSING'`, [month, by]);
      return { cursor: { after: null } };
    }
    const { employees, published } = await this.publish(m, nips, month);
    return { cursor: { after: nips.at(-1)! }, add: { processed: nips.length, employees, published, unchanged: employees - published } };
  }

  /** A run that failed leaves the month not closed: summaries already published stay, and are corrected as usual. */
  async abandon(month: string, m: Pick<EntityManager, 'query'> = this.dataSource): Promise<void> {
    await m.query(`DELETE FROM month_close WHERE month = $1 AND status = 'CLOSING'`, [month]);
  }

  /**
   * Inside a change's transaction: recompute and republish what it touched in closed (or closing)
   * months, and in any month where the employee's summary was already published.
   */
  async correct(m: EntityManager, touched: { nip: string; date: string }[]): Promise<number> {
    if (touched.length === 0) return 0;
    const months = [...new Set(touched.map((t) => t.date.slice(0, 7)))].sort();
    const nips = [...new Set(touched.map((t) => t.nip))];
    const closed = new Set(((await m.query('SELECT month FROM month_close WHERE month = ANY($1)', [months])) as { month: string }[]).map((r) => r.month));
    const published = new Set(
      ((await m.query('SELECT month, nip FROM month_summary WHERE month = ANY($1) AND nip = ANY($2)', [months, nips])) as { month: string; nip: string }[]).map(
        (r) => `${r.month}|${r.nip}`,
      ),
    );
    let count = 0;
    for (const month of months) {
      const due = [...new Set(touched.filter((t) => t.date.startsWith(month)).map((t) => t.nip))].filter(
        (nip) => closed.has(month) || published.has(`${month}|${nip}`),
      );
      if (due.length > 0) count += (await this.publish(m, due, month)).published;
    }
    return count;
  }

  /** The latest published (frozen) summary of an employee's month, with its version and when it was published. */
  async published(month: string, nip: string): Promise<(DisciplineSummaryEventData & { publishedAt: Date }) | null> {
    const [row] = (await this.dataSource.query('SELECT summary, published_at FROM month_summary WHERE month = $1 AND nip = $2', [month, nip])) as {
      summary: DisciplineSummaryEventData;
      published_at: Date;
    }[];
    return row ? { ...row.summary, publishedAt: row.published_at } : null;
  }

  /** Whether the month is closed, for everyone; who closed it and the runs' details only for admins. */
  async status(month: string, withRuns: boolean) {
    const [closed] = (await this.dataSource.query('SELECT status, closed_at, closed_by FROM month_close WHERE month = $1', [month])) as {
      status: string;
      closed_at: Date;
      closed_by: string;
    }[];
    const [counts] = (await this.dataSource.query(
      `SELECT count(*)::int AS employees, count(*) FILTER (WHERE version > 1)::int AS corrected FROM month_summary WHERE month = $1`,
      [month],
    )) as { employees: number; corrected: number }[];
    const isClosed = closed?.status === 'CLOSED';
    const base = { month, closed: isClosed, closing: closed?.status === 'CLOSING', closedAt: isClosed ? closed.closed_at : null, ...counts };
    return withRuns
      ? { ...base, closedBy: isClosed ? closed.closed_by : null, runs: await this.jobs.list(MONTH_CLOSE, { field: 'month', value: month }) }
      : base;
  }

  private async publish(m: EntityManager, nips: string[], month: string): Promise<{ employees: number; published: number }> {
    // One writer per employee-month: a change correcting a month waits for (or is waited on by) the
    // close run's batch, and whichever comes second computes from what the first committed.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('kmob-month:' || $1), hashtext(nip)) FROM unnest($2::text[]) AS nip`, [month, [...nips].sort()]);
    const daysOf = await this.resolver.resolve(nips, month, {}, m);
    const held = new Map(
      (
        (await m.query('SELECT nip, version, digest FROM month_summary WHERE month = $1 AND nip = ANY($2) FOR UPDATE', [month, nips])) as {
          nip: string;
          version: number;
          digest: string;
        }[]
      ).map((r) => [r.nip, r]),
    );
    const rules = await this.resolver.monthRules(month, m);
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
