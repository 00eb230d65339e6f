import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A month is CLOSING while its run publishes and CLOSED only once the run has succeeded; a failed run
 * removes the mark (summaries it already published stay, and are corrected like any other).
 */
export class MonthCloseState1732783200000 implements MigrationInterface {
  name = 'MonthCloseState1732783200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE month_close ADD COLUMN status text NOT NULL DEFAULT 'CLOSED' CHECK (status IN ('CLOSING', 'CLOSED'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE month_close DROP COLUMN status');
  }
}
