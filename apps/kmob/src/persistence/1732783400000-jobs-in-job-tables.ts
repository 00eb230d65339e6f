import { moveImportJobsToJobs } from '@app/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Machine-log imports and month closes became durable jobs (libs/service-kit/src/jobs): their earlier
 * runs move to the job tables. One left unfinished cannot resume and is marked failed; a month it was
 * closing is closed again by running it once more.
 */
export class JobsInJobTables1732783400000 implements MigrationInterface {
  name = 'JobsInJobTables1732783400000';

  async up(q: QueryRunner): Promise<void> {
    const ended = (status: string) => `CASE WHEN ${status} IN ('DONE', 'FAILED') THEN ${status} ELSE 'FAILED' END`;
    await moveImportJobsToJobs(q, 'kmob.machine-log-import');
    await q.query(`
      INSERT INTO job (id, kind, status, input, progress, message, created_by, created_at, started_at, updated_at, finished_at)
      SELECT id, 'kmob.month-close', ${ended('status')}, jsonb_build_object('month', month, 'by', started_by),
             jsonb_build_object('total', total_employees, 'processed', processed, 'employees', employees, 'published', published, 'unchanged', unchanged),
             CASE WHEN status IN ('DONE', 'FAILED') THEN message ELSE 'Dihentikan oleh pembaruan sistem; tutup bulan ini sekali lagi' END,
             started_by, created_at, created_at, updated_at, coalesce(finished_at, updated_at)
      FROM month_close_run`);
    await q.query(`DELETE FROM month_close WHERE status = 'CLOSING'`);
    await q.query('DROP TABLE month_close_run');
  }

  async down(): Promise<void> {
    // The job tables keep everything the old tables held.
  }
}
