import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Before month closes were marked CLOSING, a run that failed left its month_close row behind, and
 * 1732783200000 made such rows CLOSED: a month whose every run failed looked closed with nothing (or
 * only part) published, and corrections treated it as closed. A row stays only where a run succeeded:
 *
 * - a month-close job of its month ended DONE (runs recorded before the job tables moved there in
 *   1732783400000, their input carrying the month);
 * - or one is still open (QUEUED or RUNNING): that run owns the row and settles it itself;
 * - or, for a CLOSED row, no run of its month was ever recorded and summaries of it were published: it
 *   was closed in one request before runs were recorded (1732783000000), the only success there was.
 *
 * Everything else goes, CLOSING rows left by a run that gave up included; what a failed run published
 * stays published and is corrected as usual, and closing the month again publishes the rest.
 */
export class MonthsClosedWithoutSuccess1732790200000 implements MigrationInterface {
  name = 'MonthsClosedWithoutSuccess1732790200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM month_close c
      WHERE NOT EXISTS (SELECT 1 FROM job j WHERE j.kind = 'kmob.month-close' AND j.input->>'month' = c.month AND j.status IN ('DONE', 'QUEUED', 'RUNNING'))
        AND NOT (
          c.status = 'CLOSED'
          AND NOT EXISTS (SELECT 1 FROM job j WHERE j.kind = 'kmob.month-close' AND j.input->>'month' = c.month)
          AND EXISTS (SELECT 1 FROM month_summary s WHERE s.month = c.month)
        )`);
  }

  async down(): Promise<void> {
    // What was removed was never a closed month.
  }
}
