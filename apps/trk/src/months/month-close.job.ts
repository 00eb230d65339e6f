import { JobFailure, JobLeaseLost, type GivenUpJob, type JobContext, type JobHandler } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MONTH_CLOSE, MonthCloseService } from './month-close.service';

type Cursor = { after: string | null };

/** Closing a month for every employee, step by step (MonthCloseService.closeStep), resumable after a crash. */
@Injectable()
export class MonthCloseJob implements JobHandler<{ month: string; by: string }, Cursor> {
  readonly kind = MONTH_CLOSE;

  constructor(private readonly months: MonthCloseService) {}

  async run(job: JobContext<{ month: string; by: string }, Cursor>): Promise<void> {
    const { month, by } = job.input;
    const closed = () => job.cursor !== null && job.cursor.after === null;
    try {
      while (!closed()) {
        const after = job.cursor === null ? null : job.cursor.after;
        await job.step((m) => this.months.closeStep(m, month, after, by));
      }
    } catch (error) {
      if (error instanceof JobLeaseLost) throw error; // another worker goes on with it
      job.log.error({ err: error, month }, 'closing the month failed');
      throw new JobFailure('Penutupan bulan berhenti karena kesalahan pada server; bulan belum ditutup. Coba lagi atau hubungi admin sistem.');
    }
  }

  /** However the run gave up, the month must not stay CLOSING, which settles unverified entries as if closed. */
  async onGiveUp(m: EntityManager, job: GivenUpJob<{ month: string }, Cursor>): Promise<void> {
    await this.months.abandon(job.input.month, m);
  }
}
