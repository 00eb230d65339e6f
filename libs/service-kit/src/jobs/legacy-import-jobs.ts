import type { QueryRunner } from 'typeorm';

/**
 * For a service whose imports ran before durable jobs: its `import_job` rows move to the job tables as
 * jobs of `kind`, with their row errors. One left unfinished cannot resume (its file was not kept) and is
 * marked failed.
 */
export async function moveImportJobsToJobs(q: QueryRunner, kind: string): Promise<void> {
  await q.query(
    `INSERT INTO job (id, kind, status, progress, error_count, message, created_at, started_at, updated_at, finished_at)
     SELECT id, $1, CASE WHEN status IN ('DONE', 'FAILED') THEN status ELSE 'FAILED' END,
            jsonb_build_object('total', total_rows, 'processed', processed_rows, 'imported', imported, 'unchanged', unchanged, 'failed', failed),
            failed, CASE WHEN status IN ('DONE', 'FAILED') THEN message ELSE 'Dihentikan oleh pembaruan sistem; impor ulang berkasnya' END,
            created_at, created_at, coalesce(finished_at, created_at), coalesce(finished_at, created_at)
     FROM import_job`,
    [kind],
  );
  await q.query(`
    INSERT INTO job_error (job_id, line, key, problems)
    SELECT j.id, (e->>'line')::int, coalesce(e->>'nip', ''), e->'problems' FROM import_job j CROSS JOIN LATERAL jsonb_array_elements(j.errors) AS e
    ON CONFLICT DO NOTHING`);
  await q.query('DROP TABLE import_job');
}
