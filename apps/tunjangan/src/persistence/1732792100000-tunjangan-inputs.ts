import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The month inputs other services announce: K-Mob's discipline summary and TRK's performance score per
 * employee-month. Only the highest version is kept, with the event that carried it, so a TPP line can
 * name exactly which version of each input it used.
 */
export class TunjanganInputs1732792100000 implements MigrationInterface {
  name = 'TunjanganInputs1732792100000';

  async up(q: QueryRunner): Promise<void> {
    // deduction_percent is numeric, never float: it multiplies money. units carries the working days and
    // deduction per unit, for a line per OPD when the employee moved during the month.
    await q.query(`
      CREATE TABLE discipline_month (
        month text NOT NULL,
        nip text NOT NULL,
        version int NOT NULL CHECK (version > 0),
        event_id text NOT NULL,
        deduction_percent numeric NOT NULL CHECK (deduction_percent >= 0),
        counts jsonb NOT NULL,
        units jsonb NOT NULL,
        contributing_days jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (month, nip)
      )`);
    await q.query(`
      CREATE TABLE performance_month (
        month text NOT NULL,
        nip text NOT NULL,
        version int NOT NULL CHECK (version > 0),
        event_id text NOT NULL,
        score numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
        components jsonb NOT NULL,
        approved_minutes int NOT NULL,
        norm_minutes int NOT NULL,
        norm_source text NOT NULL,
        kmob_version int,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (month, nip)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE performance_month');
    await q.query('DROP TABLE discipline_month');
  }
}
