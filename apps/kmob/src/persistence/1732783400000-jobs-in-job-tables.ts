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
    await q.query(`
      INSERT INTO job (id, kind, status, progress, error_count, message, created_at, started_at, updated_at, finished_at)
      SELECT id, 'kmob.machine-log-import', ${ended('status')},
             jsonb_build_object('total', total_rows, 'processed', processed_rows, 'imported', imported, 'unchanged', unchanged, 'failed', failed),
             failed, CASE WHEN status IN ('DONE', 'FAILED') THEN message ELSE 'Dihentikan oleh pembaruan sistem; impor ulang berkasnya' END,
             created_at, created_at, coalesce(finished_at, created_at), coalesce(finished_at, created_at)
      FROM import_job`);
    await q.query(`
      INSERT INTO job_error (job_id, line, key, problems)
      SELECT j.id, (e->>'line')::int, coalesce(e->>'nip', ''), e->'problems' FROM import_job j CROSS JOIN LATERAL jsonb_array_elements(j.errors) AS e
      ON CONFLICT DO NOTHING`);
    await q.query(`
      INSERT INTO job (id, kind, status, input, progress, message, created_by, created_at, started_at, updated_at, finished_at)
      SELECT id, 'kmob.month-close', ${ended('status')}, jsonb_build_object('month', month, 'by', started_by),
             jsonb_build_object('total', total_employees, 'processed', processed, 'employees', employees, 'published', published, 'unchanged', unchanged),
             CASE WHEN status IN ('DONE', 'FAILED') THEN message ELSE 'Dihentikan oleh pembaruan sistem; tutup bulan ini sekali lagi' END,
             started_by, created_at, created_at, updated_at, coalesce(finished_at, updated_at)
      FROM month_close_run`);
    await q.query(`DELETE FROM month_close WHERE status = 'CLOSING'`);
    await q.query('DROP TABLE import_job');
    await q.query('DROP TABLE month_close_run');
  }

  async down(): Promise<void> {
    // The job tables keep everything the old tables held.
  }
}
