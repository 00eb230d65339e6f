import type { MigrationInterface, QueryRunner } from 'typeorm';

/** IKI targets, K-Mob's closed months, the month close with its frozen scores, and the annual SKP ratings. */
export class TrkPerformance1732791100000 implements MigrationInterface {
  name = 'TrkPerformance1732791100000';

  async up(q: QueryRunner): Promise<void> {
    // Proposed by the employee, agreed (or rejected) by whoever verifies their activities. The catalogue
    // codes are the agreed definition of the work that achieves it.
    await q.query(`
      CREATE TABLE target (
        id uuid PRIMARY KEY,
        nip text NOT NULL,
        period text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        title text NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        output_unit text NOT NULL,
        catalogue_codes text[] NOT NULL CHECK (cardinality(catalogue_codes) > 0),
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'AGREED', 'REJECTED')),
        decided_by text,
        decided_at timestamptz,
        decision_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (period_end >= period_start),
        CHECK ((status = 'PROPOSED') = (decided_by IS NULL))
      )`);
    await q.query('CREATE INDEX target_employee_period ON target (nip, period_start)');

    // K-Mob's closed months as kmob.discipline.v1 announced them: only the highest version is kept.
    await q.query(`
      CREATE TABLE kmob_month (
        nip text NOT NULL,
        month text NOT NULL,
        version int NOT NULL,
        working_days int NOT NULL,
        counts jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (month, nip)
      )`);

    await q.query(`
      CREATE TABLE month_close (
        month text PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('CLOSING', 'CLOSED')),
        closed_by text NOT NULL,
        closed_at timestamptz
      )`);
    // What was published for each employee-month, latest version; the digest decides whether a
    // recomputation changed anything worth a correction.
    await q.query(`
      CREATE TABLE trk_month_score (
        month text NOT NULL,
        nip text NOT NULL,
        version int NOT NULL,
        score numeric(5, 2) NOT NULL,
        components jsonb NOT NULL,
        approved_minutes int NOT NULL,
        norm_minutes int NOT NULL,
        norm_source text NOT NULL,
        kmob_version int,
        digest text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (month, nip)
      )`);

    await q.query(`
      CREATE TABLE skp_rating (
        year int NOT NULL,
        nip text NOT NULL,
        unit_code text NOT NULL,
        unit_path text[] NOT NULL,
        hasil text NOT NULL,
        perilaku text NOT NULL,
        perilaku_values jsonb NOT NULL,
        predikat text NOT NULL,
        note text,
        rated_by text NOT NULL,
        rated_at timestamptz NOT NULL,
        PRIMARY KEY (year, nip)
      )`);
    await q.query('CREATE INDEX skp_rating_unit ON skp_rating USING gin (unit_path)');
    // One row per unit and year: its organisation rating, BKD's override of the pattern, the finalisation.
    await q.query(`
      CREATE TABLE skp_unit (
        year int NOT NULL,
        unit_code text NOT NULL,
        organisation_rating text,
        organisation_reason text,
        organisation_rated_by text,
        organisation_rated_at timestamptz,
        override_reason text,
        override_by text,
        override_at timestamptz,
        finalised_by text,
        finalised_at timestamptz,
        PRIMARY KEY (year, unit_code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['skp_unit', 'skp_rating', 'trk_month_score', 'month_close', 'kmob_month', 'target']) await q.query(`DROP TABLE ${table}`);
  }
}
