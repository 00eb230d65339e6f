import { DisciplineEvents } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { ApiError, notFound, SERVICE_LOGGER, uuidParam } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { DayResolver, summaryDigest, summaryEventData } from '../attendance/day-resolver';
import { datesOfMonth, LocalClock } from '../common/local-clock';

/** Employees per transaction when a month is closed. */
const BATCH = 1000;

export interface CloseRun {
  id: string;
  month: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  totalEmployees: number;
  /** Employees looked at so far; `employees` of them were in service that month. */
  processed: number;
  employees: number;
  published: number;
  unchanged: number;
}

const RUN_COLUMNS = `id, month, status, started_by AS "startedBy", total_employees AS "totalEmployees", processed, employees, published, unchanged,
  message, created_at AS "createdAt", finished_at AS "finishedAt"`;

/**
 * Closing a month freezes each employee's summary and publishes it (version 1), as a job that
 * reports its progress (the province's 36,000 employees take longer than an HTTP request should). A change that lands in
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

  /** Starts closing `month` as a job (or returns the run already under way); follow it with run(). */
  async start(month: string, by: string): Promise<CloseRun> {
    if (month >= this.clock.today().slice(0, 7)) throw new ApiError(422, `Bulan ${month} belum berakhir dan belum dapat ditutup`, [{ field: 'month', message: 'belum berakhir' }]);
    await this.resolver.monthRules(this.dataSource, month).catch(() => {
      throw new ApiError(422, `Bulan ${month} tidak dapat ditutup: belum ada aturan disiplin yang berlaku pada bulan itu`, [{ field: 'month', message: 'tidak ada aturan disiplin yang berlaku' }]);
    });
    const created = await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('kmob-close:' || $1))`, [month]);
      // A run that has not reported for two minutes died with its process; closing again is safe.
      const [running] = (await m.query(`SELECT ${RUN_COLUMNS} FROM month_close_run WHERE month = $1 AND status IN ('QUEUED', 'RUNNING') AND updated_at > now() - interval '2 minutes'`, [month])) as CloseRun[];
      if (running) return null;
      const [run] = (await m.query(`INSERT INTO month_close_run (month, status, started_by) VALUES ($1, 'QUEUED', $2) RETURNING ${RUN_COLUMNS}`, [month, by])) as CloseRun[];
      return run;
    });
    if (!created) return (await this.runs(month))[0];
    setImmediate(() => {
      this.execute(created.id, month, by).catch(async (error: Error) => {
        this.logger.error({ err: error, month }, 'closing the month failed');
        // Not closed after all: summaries already published stay published and are corrected as usual.
        await this.dataSource.query(`DELETE FROM month_close WHERE month = $1 AND status = 'CLOSING'`, [month]);
        const message = 'Penutupan bulan berhenti karena kesalahan pada server; bulan belum ditutup. Coba lagi atau hubungi admin sistem.';
        await this.dataSource.query(`UPDATE month_close_run SET status = 'FAILED', message = $2, finished_at = now(), updated_at = now() WHERE id = $1`, [created.id, message]);
      });
    });
    return created;
  }

  async run(month: string, id: string): Promise<CloseRun> {
    uuidParam(id, `Penutupan bulan ${id}`);
    const [run] = (await this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM month_close_run WHERE id = $1 AND month = $2`, [id, month])) as CloseRun[];
    if (!run) throw notFound(`Penutupan bulan ${id}`);
    return run;
  }

  private runs(month: string): Promise<CloseRun[]> {
    return this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM month_close_run WHERE month = $1 ORDER BY created_at DESC LIMIT 20`, [month]) as Promise<CloseRun[]>;
  }

  private async execute(runId: string, month: string, by: string): Promise<void> {
    // CLOSING from the first batch on, so a change landing meanwhile corrects what was already published.
    await this.dataSource.query(`INSERT INTO month_close (month, closed_by, status) VALUES ($1, $2, 'CLOSING') ON CONFLICT (month) DO NOTHING`, [month, by]);
    const lastDay = datesOfMonth(month).at(-1)!;
    const nips = ((await this.dataSource.query(`SELECT DISTINCT nip FROM employee_unit WHERE valid_from <= $1 ORDER BY nip`, [lastDay])) as { nip: string }[]).map((r) => r.nip);
    await this.dataSource.query(`UPDATE month_close_run SET status = 'RUNNING', total_employees = $2, updated_at = now() WHERE id = $1`, [runId, nips.length]);
    for (let i = 0; i < nips.length; i += BATCH) {
      await this.dataSource.transaction(async (m) => {
        const batch = nips.slice(i, i + BATCH);
        const { employees, published } = await this.publish(m, batch, month);
        await m.query(
          `UPDATE month_close_run SET processed = processed + $2, employees = employees + $3, published = published + $4, unchanged = unchanged + $5, updated_at = now() WHERE id = $1`,
          [runId, batch.length, employees, published, employees - published],
        );
      });
      this.logger.info(`closing ${month}: ${Math.min(i + BATCH, nips.length)}/${nips.length} employees`);
    }
    await this.dataSource.transaction(async (m) => {
      await m.query(`UPDATE month_close SET status = 'CLOSED', closed_at = now(), closed_by = $2 WHERE month = $1 AND status = 'CLOSING'`, [month, by]);
      await m.query(`UPDATE month_close_run SET status = 'DONE', finished_at = now(), updated_at = now() WHERE id = $1`, [runId]);
    });
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
      ((await m.query('SELECT month, nip FROM month_summary WHERE month = ANY($1) AND nip = ANY($2)', [months, nips])) as { month: string; nip: string }[]).map((r) => `${r.month}|${r.nip}`),
    );
    let count = 0;
    for (const month of months) {
      const due = [...new Set(touched.filter((t) => t.date.startsWith(month)).map((t) => t.nip))].filter((nip) => closed.has(month) || published.has(`${month}|${nip}`));
      if (due.length > 0) count += (await this.publish(m, due, month)).published;
    }
    return count;
  }

  /** Whether the month is closed, for everyone; who closed it and the runs' details only for admins. */
  async status(month: string, withRuns: boolean) {
    const [closed] = (await this.dataSource.query('SELECT status, closed_at, closed_by FROM month_close WHERE month = $1', [month])) as { status: string; closed_at: Date; closed_by: string }[];
    const [counts] = (await this.dataSource.query(
      `SELECT count(*)::int AS employees, count(*) FILTER (WHERE version > 1)::int AS corrected FROM month_summary WHERE month = $1`,
      [month],
    )) as { employees: number; corrected: number }[];
    const isClosed = closed?.status === 'CLOSED';
    const base = { month, closed: isClosed, closing: closed?.status === 'CLOSING', closedAt: isClosed ? closed.closed_at : null, ...counts };
    return withRuns ? { ...base, closedBy: isClosed ? closed.closed_by : null, runs: await this.runs(month) } : base;
  }

  private async publish(m: EntityManager, nips: string[], month: string): Promise<{ employees: number; published: number }> {
    // One writer per employee-month: a change correcting a month waits for (or is waited on by) the
    // close run's batch, and whichever comes second computes from what the first committed.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('kmob-month:' || $1), hashtext(nip)) FROM unnest($2::text[]) AS nip`, [month, [...nips].sort()]);
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
