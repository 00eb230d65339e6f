import { ApiError, JobStore, type JobView, type StepResult } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LocalClock } from '../common/clock';
import { datesOfMonth } from '../domain/score-facts';
import { NoRuleInForce, RuleStore } from '../rules/rule-store';
import { ScorePublisher } from './score-publisher';

/** Employees per step: one set of statements each, well inside a transaction's comfortable size. */
const BATCH = 1000;

export const MONTH_CLOSE = 'trk.month-close';

/**
 * Closing a month freezes each employee's score and publishes it (trk.performance month-closed,
 * version 1), as a durable job that reports its progress and continues after a crash, as K-Mob closes
 * its months. Unverified entries are settled by the norm rule from then on. Anything that lands in a
 * closed month afterwards (a late verification, a back-dated entry, K-Mob's correction) is republished
 * as the next version by ScoreCorrections; closing again publishes only scores that differ.
 */
@Injectable()
export class MonthCloseService {
  constructor(
    private readonly publisher: ScorePublisher,
    private readonly rules: RuleStore,
    private readonly clock: LocalClock,
    private readonly jobs: JobStore,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Starts closing `month` as a job (or returns the one under way); follow it at GET /jobs/{id}. */
  async start(month: string, by: string): Promise<JobView> {
    if (month >= this.clock.today().slice(0, 7))
      throw new ApiError(422, `Bulan ${month} belum berakhir dan belum dapat ditutup`, [{ field: 'month', message: 'belum berakhir' }]);
    for (const kind of ['norm', 'score-weights'] as const) {
      await this.rules.on(kind, `${month}-01`).catch((error: unknown) => {
        if (!(error instanceof NoRuleInForce)) throw error;
        throw new ApiError(422, `Bulan ${month} tidak dapat ditutup: belum ada aturan ${kind} yang berlaku pada bulan itu`, [
          { field: 'month', message: `tidak ada aturan ${kind} yang berlaku` },
        ]);
      });
    }
    return this.jobs.enqueue(
      MONTH_CLOSE,
      { month, by },
      { createdBy: by, dedupeKey: month, progress: { total: 0, processed: 0, employees: 0, published: 0, unchanged: 0 } },
    );
  }

  /**
   * One step: the first marks the month CLOSING (so a change landing meanwhile corrects what was
   * already published) and counts the employees; each next publishes a batch in NIP order; the last
   * marks the month CLOSED. Returns the cursor: the last NIP done, or null when closed.
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
    const { employees, published } = await this.publisher.publish(m, nips, month);
    return { cursor: { after: nips.at(-1)! }, add: { processed: nips.length, employees, published, unchanged: employees - published } };
  }

  /** A run that gave up leaves the month not closed: scores already published stay, and are corrected as usual. */
  async abandon(month: string, m: Pick<EntityManager, 'query'> = this.dataSource): Promise<void> {
    await m.query(`DELETE FROM month_close WHERE month = $1 AND status = 'CLOSING'`, [month]);
  }

  /** Whether the month is closed, for everyone; who closed it and the runs only for admins. */
  async status(month: string, withRuns: boolean) {
    const [closed] = (await this.dataSource.query('SELECT status, closed_at, closed_by FROM month_close WHERE month = $1', [month])) as {
      status: string;
      closed_at: Date | null;
      closed_by: string;
    }[];
    const [counts] = (await this.dataSource.query(
      'SELECT count(*)::int AS employees, count(*) FILTER (WHERE version > 1)::int AS corrected FROM trk_month_score WHERE month = $1',
      [month],
    )) as { employees: number; corrected: number }[];
    const isClosed = closed?.status === 'CLOSED';
    const base = { month, closed: isClosed, closing: closed?.status === 'CLOSING', closedAt: isClosed ? closed.closed_at : null, ...counts };
    return withRuns
      ? { ...base, closedBy: isClosed ? closed.closed_by : null, runs: await this.jobs.list(MONTH_CLOSE, { field: 'month', value: month }) }
      : base;
  }

  /** The published (frozen) score of an employee's month, latest version, or null. */
  async published(month: string, nip: string): Promise<{ version: number; score: string; publishedAt: Date } | null> {
    const [row] = (await this.dataSource.query('SELECT version, score::text AS score, published_at FROM trk_month_score WHERE month = $1 AND nip = $2', [
      month,
      nip,
    ])) as { version: number; score: string; published_at: Date }[];
    return row ? { version: row.version, score: row.score, publishedAt: row.published_at } : null;
  }
}
