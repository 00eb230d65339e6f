import type { EntityManager } from 'typeorm';
import { JobFailure, JobLeaseLost, type GivenUpJob, type JobContext, type JobHandler, type StepResult } from './job.types';

export type MonthCloseCursor = { after: string | null };
export type MonthCloseInput = { month: string; by: string };

/** What a service's month close does, step by step (K-Mob's discipline, TRK's scores). */
export interface MonthCloser {
  /** One step in its own transaction; the cursor's `after` is null once the month is closed. */
  closeStep(m: EntityManager, month: string, after: string | null, by: string): Promise<StepResult<MonthCloseCursor>>;
  /** A run that gave up: the month must not stay CLOSING. */
  abandon(month: string, m: EntityManager): Promise<void>;
}

/**
 * Closing a month for every employee as a durable job, resumable after a crash: each service gives its
 * kind and its MonthCloser; the stepping, the failure in Bahasa and the give-up are the same everywhere.
 */
export abstract class MonthCloseJob implements JobHandler<MonthCloseInput, MonthCloseCursor> {
  abstract readonly kind: string;

  protected constructor(private readonly closer: MonthCloser) {}

  async run(job: JobContext<MonthCloseInput, MonthCloseCursor>): Promise<void> {
    const { month, by } = job.input;
    const closed = () => job.cursor !== null && job.cursor.after === null;
    try {
      while (!closed()) {
        const after = job.cursor === null ? null : job.cursor.after;
        await job.step((m) => this.closer.closeStep(m, month, after, by));
      }
    } catch (error) {
      if (error instanceof JobLeaseLost) throw error; // another worker goes on with it
      job.log.error({ err: error, month }, 'closing the month failed');
      throw new JobFailure('Penutupan bulan berhenti karena kesalahan pada server; bulan belum ditutup. Coba lagi atau hubungi admin sistem.');
    }
  }

  /** However the run gave up (even out of attempts, never called again), the month must not stay CLOSING. */
  async onGiveUp(m: EntityManager, job: GivenUpJob<{ month: string }, MonthCloseCursor>): Promise<void> {
    await this.closer.abandon(job.input.month, m);
  }
}
