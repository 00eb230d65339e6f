import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ImportJobs1732781000000 implements MigrationInterface {
  name = 'ImportJobs1732781000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL,
        total_rows int NOT NULL,
        processed_rows int NOT NULL DEFAULT 0,
        imported int NOT NULL DEFAULT 0,
        unchanged int NOT NULL DEFAULT 0,
        failed int NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        message text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE import_job');
  }
}
