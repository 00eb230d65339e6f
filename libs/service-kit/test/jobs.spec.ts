import { createTestDatabase, waitFor } from '@app/testing';
import pino from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { CreateJobTables1732780850000, JobFailure, JobLeaseLost, JobRunner, JobStore, type JobContext, type JobHandler } from '../src/jobs';

type Cursor = { n: number };

const logger = pino({ level: 'silent' });

/** A promise with its resolve, to hold a run at a chosen point. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** A step that records which run did it, committed with the job's progress. */
function logStep(job: JobContext<unknown, Cursor>, n: number, run: number, during?: Promise<void>) {
  return job.step(async (m) => {
    await m.query('INSERT INTO step_log (job_id, step, run) VALUES ($1, $2, $3)', [job.id, n, run]);
    await during;
    return { cursor: { n: n + 1 } };
  });
}

describe('durable jobs (libs/service-kit/src/jobs) on a real PostgreSQL', () => {
  let db: { url: string; drop(): Promise<void> };
  let dataSource: DataSource;
  let store: JobStore;
  const runners: JobRunner[] = [];

  const runner = (handlers: JobHandler[], options: { leaseMs?: number; maxAttempts?: number } = {}) => {
    const made = new JobRunner(dataSource, new Map(handlers.map((h) => [h.kind, h])), { databaseUrl: db.url, logger, pollMs: 50, ...options });
    runners.push(made);
    return made;
  };
  const job = async (id: string) => (await dataSource.query('SELECT status, message, cursor, attempts, lease_owner FROM job WHERE id = $1', [id]))[0];
  const steps = async (id: string) =>
    ((await dataSource.query('SELECT step, run FROM step_log WHERE job_id = $1 ORDER BY step, run', [id])) as { step: number; run: number }[]).map(
      (r) => `${r.step}:${r.run}`,
    );

  beforeAll(async () => {
    db = await createTestDatabase('jobs');
    dataSource = new DataSource({ type: 'postgres', url: db.url, migrations: [CreateJobTables1732780850000] });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.query('CREATE TABLE step_log (job_id uuid NOT NULL, step int NOT NULL, run int NOT NULL)');
    await dataSource.query('CREATE TABLE gave_up (job_id uuid PRIMARY KEY, reason text NOT NULL, cursor jsonb)');
    store = new JobStore(dataSource);
  });

  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('runs a job taken up again after a stall longer than its lease, even by the same runner, in the new claim only', async () => {
    const [firstPaused, resumeFirst, secondPaused, resumeSecond] = [gate(), gate(), gate(), gate()];
    const outcome: Record<number, string> = {};
    let runs = 0;
    const handler: JobHandler<unknown, Cursor> = {
      kind: 'test.stall',
      async run(job) {
        const run = ++runs;
        try {
          for (let n = job.cursor?.n ?? 0; n < 3; n++) {
            // The first run stalls after its first step; the second pauses before its last, so both are alive at once.
            if (run === 1 && n === 1) {
              firstPaused.open();
              await resumeFirst.opened;
            }
            if (run === 2 && n === 2) {
              secondPaused.open();
              await resumeSecond.opened;
            }
            await logStep(job, n, run);
          }
          outcome[run] = 'done';
        } catch (error) {
          outcome[run] = (error as Error).name;
          throw error;
        }
      },
    };
    // A long lease: the heartbeat never renews it during the test; the stall is the lease running out in the database.
    await runner([handler], { leaseMs: 60_000 }).start();
    const { id } = await store.enqueue('test.stall', {}, { createdBy: null });
    await firstPaused.opened;
    await dataSource.query(`UPDATE job SET lease_until = now() - interval '1 second' WHERE id = $1`, [id]);
    await secondPaused.opened; // the same runner claimed its own job again, from the step after the last committed one
    resumeFirst.open();
    await waitFor(() => outcome[1] !== undefined, 'the stalled run to try its next step');
    expect(outcome[1]).toBe('JobLeaseLost');
    resumeSecond.open();
    await waitFor(async () => (await job(id)).status === 'DONE', 'the second run to finish');
    expect(outcome[2]).toBe('done');
    expect(await steps(id)).toEqual(['0:1', '1:2', '2:2']);
  });

  it('calls onGiveUp however a job gives up, in the transaction that fails it, and not when its lease is lost', async () => {
    const onGiveUp = async (m: EntityManager, given: { id: string; reason: string; cursor: unknown }) => {
      await m.query('INSERT INTO gave_up (job_id, reason, cursor) VALUES ($1, $2, $3)', [given.id, given.reason, JSON.stringify(given.cursor)]);
    };
    let deadRuns = 0;
    const handlers: JobHandler<unknown, Cursor>[] = [
      {
        kind: 'test.throws',
        async run(job) {
          await logStep(job, 0, 1);
          throw new Error('database went away');
        },
        onGiveUp,
      },
      {
        kind: 'test.refuses',
        run: () => Promise.reject(new JobFailure('Berkas tidak dapat diproses')),
        onGiveUp,
      },
      {
        kind: 'test.dies',
        run: async () => void deadRuns++,
        onGiveUp,
      },
      {
        kind: 'test.loses-lease',
        run: () => Promise.reject(new JobLeaseLost()),
        onGiveUp,
      },
      {
        kind: 'test.cleanup-fails',
        run: () => Promise.reject(new JobFailure('Gagal')),
        onGiveUp: () => Promise.reject(new Error('clean-up failed')),
      },
    ];
    const ids: Record<string, string> = {};
    for (const kind of ['test.throws', 'test.refuses', 'test.loses-lease', 'test.cleanup-fails'])
      ids[kind] = (await store.enqueue(kind, {}, { createdBy: null })).id;
    // A job that kept dying: its last claim expired with the attempts used up, so its handler is never called again.
    ids['test.dies'] = (
      await dataSource.query(
        `INSERT INTO job (kind, status, attempts, cursor, lease_owner, lease_until) VALUES ('test.dies', 'RUNNING', 2, '{"n": 7}', 'gone:1:x', now() - interval '1 minute') RETURNING id`,
      )
    )[0].id;
    await runner(handlers, { maxAttempts: 2 }).start();
    const ended = ['test.throws', 'test.refuses', 'test.dies', 'test.cleanup-fails'];
    await waitFor(async () => (await Promise.all(ended.map(async (k) => (await job(ids[k])).status))).every((s) => s === 'FAILED'), 'the jobs to fail');
    const gaveUp = (await dataSource.query('SELECT job_id, reason, cursor FROM gave_up')) as { job_id: string; reason: string; cursor: unknown }[];
    const byKind = Object.fromEntries(Object.entries(ids).map(([kind, id]) => [kind, gaveUp.find((g) => g.job_id === id) ?? null]));
    expect(byKind).toEqual({
      'test.throws': { job_id: ids['test.throws'], reason: expect.stringMatching(/^Pekerjaan berhenti karena kesalahan pada server/), cursor: { n: 1 } },
      'test.refuses': { job_id: ids['test.refuses'], reason: 'Berkas tidak dapat diproses', cursor: null },
      'test.dies': { job_id: ids['test.dies'], reason: expect.stringMatching(/^Pekerjaan berhenti berulang kali/), cursor: { n: 7 } },
      'test.loses-lease': null,
      'test.cleanup-fails': null,
    });
    expect(deadRuns).toBe(0);
    expect((await job(ids['test.loses-lease'])).status).toBe('RUNNING');
    expect(await job(ids['test.cleanup-fails'])).toMatchObject({ status: 'FAILED', message: 'Gagal', lease_owner: null });
  });

  it('stops after the current step and hands the job back, so another worker resumes from the next step', async () => {
    const [inThirdStep, finishThirdStep] = [gate(), gate()];
    let runs = 0;
    const handler: JobHandler<unknown, Cursor> = {
      kind: 'test.long',
      async run(job) {
        const run = ++runs;
        for (let n = job.cursor?.n ?? 0; n < 5; n++) {
          if (run === 1 && n === 2) {
            inThirdStep.open();
            await logStep(job, n, run, finishThirdStep.opened);
          } else await logStep(job, n, run);
        }
      },
    };
    const first = runner([handler]);
    await first.start();
    const { id } = await store.enqueue('test.long', {}, { createdBy: null });
    await inThirdStep.opened;
    const stopped = first.stop();
    finishThirdStep.open();
    await stopped;
    expect(await job(id)).toMatchObject({ status: 'QUEUED', cursor: { n: 3 }, attempts: 0, lease_owner: null });
    expect(await steps(id)).toEqual(['0:1', '1:1', '2:1']);
    await runner([handler]).start();
    await waitFor(async () => (await job(id)).status === 'DONE', 'another worker to finish the job');
    expect(await steps(id)).toEqual(['0:1', '1:1', '2:1', '3:2', '4:2']);
    expect((await job(id)).attempts).toBe(1);
  });

  it('enqueues a new job when the open one with its key finishes between the insert and the look-up', async () => {
    const open = await store.enqueue('test.once', { month: '2026-01' }, { createdBy: null, dedupeKey: '2026-01' });
    const queryRunner = dataSource.createQueryRunner();
    await queryRunner.connect();
    await queryRunner.startTransaction();
    const m = queryRunner.manager;
    const query = m.query.bind(m);
    let raced = false;
    // Another worker finishes the open job right after this insert found it still open.
    (m as { query: (sql: string, parameters?: unknown[]) => Promise<unknown> }).query = async (sql, parameters) => {
      const result: unknown = await query(sql, parameters);
      if (!raced && sql.includes('INSERT INTO job ')) {
        raced = true;
        await dataSource.query(`UPDATE job SET status = 'DONE', finished_at = now() WHERE id = $1`, [open.id]);
      }
      return result;
    };
    try {
      const again = await store.enqueue('test.once', { month: '2026-01' }, { createdBy: null, dedupeKey: '2026-01' }, m);
      await queryRunner.commitTransaction();
      expect(raced).toBe(true);
      expect(again).toMatchObject({ kind: 'test.once', status: 'QUEUED' });
      expect(again.id).not.toBe(open.id);
    } finally {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
      await queryRunner.release();
    }
    expect(await store.enqueue('test.once', {}, { createdBy: null, dedupeKey: '2026-01' })).toMatchObject({ status: 'QUEUED' });
  });
});
