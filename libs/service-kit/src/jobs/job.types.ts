import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { FieldProblem } from '../errors';

export type JobStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/** One input row a job could not use: its line, what identifies it (a NIP), and why. */
export interface JobRowError {
  line: number;
  key: string;
  problems: FieldProblem[];
}

/** What every service answers at GET /api/v1/<service>/jobs/{id}. */
export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  /** Counters the job keeps (`total` and `processed` for a progress bar, and its own). */
  progress: Record<string, number>;
  errorCount: number;
  /** The first row errors (all of them up to a thousand are kept). */
  errors: JobRowError[];
  /** Why it failed, for staff. */
  message: string | null;
  attempts: number;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** What one step of a job did, committed together with the work itself. */
export interface StepResult<C> {
  /** Where the next step (or a resumed attempt) begins. */
  cursor: C;
  /** Counters to add to the job's progress. */
  add?: Record<string, number>;
  /** Counters to set (e.g. `total` once it is known). */
  set?: Record<string, number>;
  errors?: JobRowError[];
}

export interface JobContext<I, C> {
  id: string;
  input: I;
  /** Where an earlier attempt stopped (null on the first). */
  cursor: C | null;
  /** The upload the job was started with (a CSV), kept so a resumed attempt can read it again. */
  payload(): Promise<string>;
  /**
   * One unit of work in a transaction with the job's progress, cursor and row errors: a step is applied
   * exactly once, and a job taken up again after a crash begins after the last committed one.
   */
  step(work: (m: EntityManager) => Promise<StepResult<C>>): Promise<void>;
  log: Logger;
}

/** A job as it gave up, for its handler's clean-up. */
export interface GivenUpJob<I, C> {
  id: string;
  input: I;
  /** After the last committed step (null if none committed). */
  cursor: C | null;
  /** What staff read as the job's message. */
  reason: string;
  log: Logger;
}

/** A kind of background job, registered by name with PlatformModule (`jobs`). */
export interface JobHandler<I = unknown, C = unknown> {
  readonly kind: string;
  run(context: JobContext<I, C>): Promise<void>;
  /**
   * Undoes what a job leaves behind when it gives up for good, whatever the path: its run threw, or it
   * kept dying and ran out of attempts before `run` was even called. Runs in the transaction that marks
   * the job FAILED, and only while this worker still holds the job.
   */
  onGiveUp?(m: EntityManager, job: GivenUpJob<I, C>): Promise<void>;
}

/** A job that must stop with a reason for staff (in Bahasa Indonesia) rather than a server error. */
export class JobFailure extends Error {
  override readonly name = 'JobFailure';
}

/**
 * This worker no longer holds the job (its lease ran out and another took it over): a handler that
 * cleans up on failure must let this pass untouched, since the job goes on elsewhere.
 */
export class JobLeaseLost extends Error {
  override readonly name: string = 'JobLeaseLost';
}
