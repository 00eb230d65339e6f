import type { MigrationInterface, QueryRunner } from 'typeorm';

/** K-Mob's approved requests (kmob.attendance.v1), so that leave lowers the norm before K-Mob closes the month. */
export class TrkKmobRequests1732791200000 implements MigrationInterface {
  name = 'TrkKmobRequests1732791200000';

  async up(q: QueryRunner): Promise<void> {
    // The type, not its day status: the status is TRK's mirror of K-Mob's mapping (domain/approved-requests),
    // read when a score is computed, so a corrected mapping applies to requests already kept.
    await q.query(`
      CREATE TABLE kmob_request (
        id uuid PRIMARY KEY,
        nip text NOT NULL,
        type text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        approved_by text NOT NULL,
        approved_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date)
      )`);
    await q.query('CREATE INDEX kmob_request_employee_dates ON kmob_request (nip, start_date, end_date)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE kmob_request');
  }
}
