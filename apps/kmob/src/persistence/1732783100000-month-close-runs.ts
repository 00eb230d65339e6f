import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Closing a month for the whole province takes a while: it runs as a job whose progress can be followed. */
export class MonthCloseRuns1732783100000 implements MigrationInterface {
  name = 'MonthCloseRuns1732783100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE month_close_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        month text NOT NULL,
        status text NOT NULL,
        started_by text NOT NULL,
        total_employees int NOT NULL DEFAULT 0,
        processed int NOT NULL DEFAULT 0,
        employees int NOT NULL DEFAULT 0,
        published int NOT NULL DEFAULT 0,
        unchanged int NOT NULL DEFAULT 0,
        message text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query('CREATE INDEX month_close_run_month ON month_close_run (month, created_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE month_close_run');
  }
}
