import type { DataSource, EntityManager } from 'typeorm';
import { conflict, notFound } from '../errors';
import { uuidParam } from '../fields';
import type { JobRowError, JobView } from './job.types';

/** Row errors kept per job for reading; `errorCount` still counts them all. A file of 36,000 bad rows must not make a 17 MB answer. */
export const MAX_STORED_ROW_ERRORS = 1000;

/** Inserts tried while the open job keeps finishing in between; each round needs another job to start and end meanwhile. */
const ENQUEUE_ATTEMPTS = 3;

const VIEW = `id, kind, status, progress, error_count AS "errorCount", message, attempts, created_by AS "createdBy",
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

export interface EnqueueOptions {
  createdBy: string | null;
  /** Only one open job per kind and key: enqueueing again returns the open one. */
  dedupeKey?: string;
  /** A large input (an uploaded CSV), kept apart from the job row. */
  payload?: string;
  /** Counters known from the start (e.g. `total` rows). */
  progress?: Record<string, number>;
}

/** The job tables of a service's database: enqueueing, reading in one shape, and what the runner writes. */
export class JobStore {
  constructor(private readonly dataSource: DataSource) {}

  /** In the caller's transaction, or in one of its own: the job and its payload are claimable only together. */
  async enqueue(kind: string, input: object, options: EnqueueOptions, m?: EntityManager): Promise<JobView> {
    if (!m) return this.dataSource.transaction((own) => this.enqueue(kind, input, options, own));
    // The open job that made the insert a no-op may finish before the SELECT (its key is then free
    // again): insert once more, a few times at most.
    for (let attempt = 0; attempt < ENQUEUE_ATTEMPTS; attempt++) {
      const [created] = (await m.query(
        `INSERT INTO job (kind, status, input, dedupe_key, created_by, progress) VALUES ($1, 'QUEUED', $2, $3, $4, $5)
         ON CONFLICT (kind, dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('QUEUED', 'RUNNING') DO NOTHING RETURNING id`,
        [kind, JSON.stringify(input), options.dedupeKey ?? null, options.createdBy, JSON.stringify(options.progress ?? {})],
      )) as { id: string }[];
      if (created) {
        if (options.payload !== undefined)
          await m.query('INSERT INTO job_payload (job_id, content) VALUES ($1, $2)', [created.id, Buffer.from(options.payload, 'utf8')]);
        return this.view(created.id, 0, m);
      }
      const [open] = (await m.query(`SELECT id FROM job WHERE kind = $1 AND dedupe_key = $2 AND status IN ('QUEUED', 'RUNNING')`, [
        kind,
        options.dedupeKey,
      ])) as { id: string }[];
      if (open) return this.view(open.id, 0, m);
    }
    throw conflict('Pekerjaan yang sama sedang dimulai dan diselesaikan bersamaan; coba lagi');
  }

  /** The job with its first row errors from `errorsFrom` (paging through up to MAX_STORED_ROW_ERRORS). */
  async view(id: string, errorsFrom = 0, m: Pick<EntityManager, 'query'> = this.dataSource.manager): Promise<JobView> {
    uuidParam(id, `Pekerjaan ${id}`);
    const [job] = (await m.query(`SELECT ${VIEW} FROM job WHERE id = $1`, [id])) as JobView[];
    if (!job) throw notFound(`Pekerjaan ${id}`);
    const errors = (await m.query('SELECT line, key, problems FROM job_error WHERE job_id = $1 AND line >= $2 ORDER BY line LIMIT 100', [
      id,
      errorsFrom,
    ])) as JobRowError[];
    return { ...job, errors };
  }

  /** Jobs of a kind, newest first, optionally only those whose input has `field` = `value`. */
  async list(kind: string, filter?: { field: string; value: string }, limit = 20): Promise<JobView[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${VIEW} FROM job WHERE kind = $1 AND ($2::text IS NULL OR input->>$2 = $3) ORDER BY created_at DESC LIMIT $4`,
      [kind, filter?.field ?? null, filter?.value ?? null, limit],
    )) as JobView[];
    return rows.map((job) => ({ ...job, errors: [] }));
  }
}
