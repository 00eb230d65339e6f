import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { listenToChannel, type PgListener } from '@app/messaging';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { MAX_STORED_ROW_ERRORS } from './job-store';
import { JobFailure, JobLeaseLost, type JobContext, type JobHandler, type StepResult } from './job.types';

export interface JobRunnerOptions {
  databaseUrl: string;
  logger: Logger;
  /** How long a claim holds without a heartbeat; a job whose worker died is taken up after this. */
  leaseMs?: number;
  pollMs?: number;
  /** Jobs one process runs at once. */
  concurrency?: number;
  /** Attempts (claims) before a job that keeps dying is failed. */
  maxAttempts?: number;
}

interface ClaimedJob {
  id: string;
  kind: string;
  input: unknown;
  cursor: unknown;
  attempts: number;
  /**
   * This claim's lease, held in lease_owner. Each claim gets its own, even by the same process: after an
   * event-loop stall longer than the lease, this process may claim its own job again, and the stalled
   * run must then lose the job at its next step rather than run beside the new one.
   */
  lease: string;
}

/** A stopping worker hands the job back before its next step; to a handler it is a lost lease (the job goes on elsewhere). */
class JobHandedOver extends JobLeaseLost {
  override readonly name = 'JobHandedOver';
}

const FAILED_FOR_STAFF = 'Pekerjaan berhenti karena kesalahan pada server; yang sudah tersimpan tetap tersimpan. Hubungi admin sistem.';
const GAVE_UP = 'Pekerjaan berhenti berulang kali sebelum selesai dan tidak dicoba lagi; hubungi admin sistem.';

/**
 * Runs a service's durable jobs. Our own rather than pg-boss: the job table is also what GET /jobs/{id}
 * answers, and what the platform needs beyond a queue (progress, per-row errors, a cursor committed
 * with each step so a resumed job continues instead of starting over) would be built on pg-boss all
 * the same. The queue itself is one UPDATE … FOR UPDATE SKIP LOCKED with a lease kept alive by a
 * heartbeat; NOTIFY wakes the runner at once, polling catches expired leases.
 */
export class JobRunner {
  private readonly owner = `${hostname()}:${process.pid}`;
  private readonly leaseMs: number;
  private running = 0;
  private stopped = true;
  private listener: PgListener | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly active = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly options: JobRunnerOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 15_000;
  }

  async start(): Promise<void> {
    if (this.handlers.size === 0) return;
    this.stopped = false;
    this.listener = await listenToChannel(this.options.databaseUrl, 'job', () => this.poll(), { coalesceMs: 5, log: this.options.logger });
    this.timer = setInterval(() => this.poll(), this.options.pollMs ?? 2_000);
    this.poll();
  }

  /**
   * Lets each running job finish the step it is in, then hands it back (QUEUED, lease released) so
   * another worker resumes it from that step at once; a job cut short anyway is taken up after its lease.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.close();
    await Promise.allSettled([...this.active]);
  }

  private poll(): void {
    if (this.stopped || this.running >= (this.options.concurrency ?? 2)) return;
    this.running++;
    const work = this.claimAndRun()
      .then((ran) => {
        if (ran) setImmediate(() => this.poll()); // there may be more waiting
      })
      .catch((error: Error) => this.options.logger.warn({ err: error }, 'job runner could not claim a job'))
      .finally(() => {
        this.running--;
        this.active.delete(work);
      });
    this.active.add(work);
  }

  private async claimAndRun(): Promise<boolean> {
    const lease = `${this.owner}:${randomUUID()}`;
    const [job] = rowsOf<Omit<ClaimedJob, 'lease'>>(
      await this.dataSource.query(
        `UPDATE job SET status = 'RUNNING', lease_owner = $1, lease_until = now() + $2::interval, attempts = attempts + 1,
         started_at = coalesce(started_at, now()), updated_at = now()
       WHERE id = (SELECT id FROM job WHERE kind = ANY($3) AND (status = 'QUEUED' OR (status = 'RUNNING' AND lease_until < now()))
                   ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
       RETURNING id, kind, input, cursor, attempts`,
        [lease, `${this.leaseMs} milliseconds`, [...this.handlers.keys()]],
      ),
    );
    if (!job) return false;
    await this.run({ ...job, lease });
    return true;
  }

  private async run(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    const log = this.options.logger.child({ jobId: job.id, kind: job.kind });
    if (job.attempts > (this.options.maxAttempts ?? 5)) return this.giveUp(job, handler, GAVE_UP, log);
    if (job.attempts > 1) log.info(`resuming job (attempt ${job.attempts})`);
    const heartbeat = setInterval(() => void this.renew(job).catch(() => undefined), this.leaseMs / 3);
    try {
      await handler.run(this.context(job, log));
      await this.finish(job);
    } catch (error) {
      if (error instanceof JobHandedOver) return log.info('job handed back at shutdown; another worker resumes it from its last step');
      if (error instanceof JobLeaseLost) return log.warn('job lease lost; another worker continues it');
      if (error instanceof JobFailure) return await this.giveUp(job, handler, error.message, log);
      log.error({ err: error }, 'job failed');
      await this.giveUp(job, handler, FAILED_FOR_STAFF, log);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private context(job: ClaimedJob, log: Logger): JobContext<unknown, unknown> {
    return {
      id: job.id,
      input: job.input,
      get cursor() {
        return job.cursor;
      },
      log,
      payload: async () =>
        ((await this.dataSource.query('SELECT content FROM job_payload WHERE job_id = $1', [job.id])) as { content: Buffer }[])[0]?.content.toString('utf8') ??
        '',
      step: async (work) => {
        if (this.stopped) {
          await this.handBack(job);
          throw new JobHandedOver();
        }
        job.cursor = await this.dataSource.transaction((m) => this.step(m, job, work));
      },
    };
  }

  private async step(m: EntityManager, job: ClaimedJob, work: (m: EntityManager) => Promise<StepResult<unknown>>): Promise<unknown> {
    const id = job.id;
    const [held] = (await m.query('SELECT progress, error_count FROM job WHERE id = $1 AND lease_owner = $2 FOR UPDATE', [id, job.lease])) as {
      progress: Record<string, number>;
      error_count: number;
    }[];
    if (!held) throw new JobLeaseLost();
    const result = await work(m);
    const progress = { ...held.progress, ...result.set };
    for (const [counter, value] of Object.entries(result.add ?? {})) progress[counter] = (progress[counter] ?? 0) + value;
    const errors = result.errors ?? [];
    const kept = errors.slice(0, Math.max(0, MAX_STORED_ROW_ERRORS - held.error_count));
    if (kept.length > 0) {
      await m.query(`INSERT INTO job_error (job_id, line, key, problems) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::jsonb[]) ON CONFLICT DO NOTHING`, [
        id,
        kept.map((e) => e.line),
        kept.map((e) => e.key),
        kept.map((e) => JSON.stringify(e.problems)),
      ]);
    }
    await m.query(
      `UPDATE job SET progress = $2, cursor = $3, error_count = error_count + $4, lease_until = now() + $5::interval, updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(progress), JSON.stringify(result.cursor), errors.length, `${this.leaseMs} milliseconds`],
    );
    return result.cursor;
  }

  private async renew(job: ClaimedJob): Promise<void> {
    await this.dataSource.query(`UPDATE job SET lease_until = now() + $3::interval WHERE id = $1 AND lease_owner = $2`, [
      job.id,
      job.lease,
      `${this.leaseMs} milliseconds`,
    ]);
  }

  /** Only while this claim still holds the job: a run that lost its lease leaves the ending to the one that took over. */
  private async finish(job: ClaimedJob): Promise<void> {
    await this.dataSource.query(
      `UPDATE job SET status = 'DONE', message = NULL, lease_owner = NULL, lease_until = NULL, finished_at = now(), updated_at = now()
       WHERE id = $1 AND lease_owner = $2`,
      [job.id, job.lease],
    );
  }

  /** FAILED, with the handler's clean-up in the same transaction, while this claim still holds the job. */
  private async giveUp(job: ClaimedJob, handler: JobHandler, reason: string, log: Logger): Promise<void> {
    const fail = (m: Pick<EntityManager, 'query'>) =>
      m.query(
        `UPDATE job SET status = 'FAILED', message = $2, lease_owner = NULL, lease_until = NULL, finished_at = now(), updated_at = now()
         WHERE id = $1 AND lease_owner = $3 RETURNING id`,
        [job.id, reason, job.lease],
      );
    try {
      await this.dataSource.transaction(async (m) => {
        const failed = rowsOf(await fail(m)).length > 0;
        if (failed) await handler.onGiveUp?.(m, { id: job.id, input: job.input, cursor: job.cursor, reason, log });
      });
    } catch (error) {
      // A clean-up that keeps failing must not keep the job open for ever: it ends FAILED, and the log tells what was left undone.
      log.error({ err: error }, 'clean-up of a job that gave up failed');
      await fail(this.dataSource);
    }
  }

  /** Queued again for another worker, without counting this claim as an attempt that died. */
  private async handBack(job: ClaimedJob): Promise<void> {
    await this.dataSource.query(
      `UPDATE job SET status = 'QUEUED', lease_owner = NULL, lease_until = NULL, attempts = greatest(attempts - 1, 0), updated_at = now()
       WHERE id = $1 AND lease_owner = $2`,
      [job.id, job.lease],
    );
    await this.dataSource.query(`SELECT pg_notify('job', '')`);
  }
}

/** TypeORM answers an UPDATE … RETURNING with [rows, count], a SELECT with rows. */
function rowsOf<T = unknown>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
