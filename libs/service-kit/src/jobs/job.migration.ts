import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable background jobs, in every service's own database (included by PlatformModule, like the
 * outbox). A job is claimed with a lease a worker keeps renewing; a job whose worker died is taken up
 * again from its last committed step.
 */
export class CreateJobTables1732780850000 implements MigrationInterface {
  name = 'CreateJobTables1732780850000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        status text NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        input jsonb NOT NULL DEFAULT '{}',
        dedupe_key text,
        progress jsonb NOT NULL DEFAULT '{}',
        cursor jsonb,
        error_count int NOT NULL DEFAULT 0,
        message text,
        attempts int NOT NULL DEFAULT 0,
        lease_owner text,
        lease_until timestamptz,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX job_claimable ON job (created_at) WHERE status IN ('QUEUED', 'RUNNING')`);
    await q.query('CREATE INDEX job_kind ON job (kind, created_at DESC)');
    // At most one open job per (kind, dedupe key): closing a month twice at once starts one run.
    await q.query(`CREATE UNIQUE INDEX job_open_once ON job (kind, dedupe_key) WHERE dedupe_key IS NOT NULL AND status IN ('QUEUED', 'RUNNING')`);
    // Bytes, not text: an upload may hold a NUL, which a text column refuses; each row is judged on its own.
    await q.query('CREATE TABLE job_payload (job_id uuid PRIMARY KEY REFERENCES job(id) ON DELETE CASCADE, content bytea NOT NULL)');
    await q.query(`
      CREATE TABLE job_error (
        job_id uuid NOT NULL REFERENCES job(id) ON DELETE CASCADE,
        line int NOT NULL,
        key text NOT NULL,
        problems jsonb NOT NULL,
        PRIMARY KEY (job_id, line)
      )`);
    await q.query(`
      CREATE FUNCTION notify_job() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('job', ''); RETURN NULL; END $$`);
    await q.query('CREATE TRIGGER job_notify AFTER INSERT ON job FOR EACH STATEMENT EXECUTE FUNCTION notify_job()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE job_error');
    await q.query('DROP TABLE job_payload');
    await q.query('DROP TABLE job');
    await q.query('DROP FUNCTION notify_job()');
  }
}
