import type { MigrationInterface, QueryRunner } from 'typeorm';
import holidays2026 from '../rules/seed/holidays-2026.json';
import norm from '../rules/seed/norm.json';
import scoreWeights from '../rules/seed/score-weights.json';
import skpDistribution from '../rules/seed/skp-distribution.json';
import teacherCatalogue from '../rules/seed/teacher-catalogue.json';
import workday from '../rules/seed/workday-rules.json';

const SEEDED_RULES: [string, { effectiveFrom: string; source: string; value: unknown }][] = [
  ['norm', norm],
  ['score-weights', scoreWeights],
  ['skp-distribution', skpDistribution],
  ['workday', workday],
];

/**
 * TRK's own tables (SIAP's copy comes from libs/siap-read-model's migration). The figures of the rules,
 * the 2026 holidays and the teachers' catalogue are seeded as data, editable by admins afterwards.
 */
export class TrkSchema1732791000000 implements MigrationInterface {
  name = 'TrkSchema1732791000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rule_version (
        kind text NOT NULL,
        scope text NOT NULL DEFAULT '',
        effective_from date NOT NULL,
        source text NOT NULL,
        value jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, scope, effective_from)
      )`);
    await q.query('CREATE TABLE holiday (date date PRIMARY KEY, kind text NOT NULL, name text NOT NULL, source text NOT NULL)');
    // An activity applies to one position (an OPD's own, managed by its operators: unit_code is the
    // position's unit) or to every position of a type (province-wide, managed by BKD).
    await q.query(`
      CREATE TABLE catalogue_activity (
        code text PRIMARY KEY,
        name text NOT NULL,
        output_unit text NOT NULL,
        standard_minutes int NOT NULL CHECK (standard_minutes > 0),
        evidence_required boolean NOT NULL,
        position_type text,
        position_code text,
        unit_code text,
        activity_group text,
        share int,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((position_type IS NULL) <> (position_code IS NULL)),
        CHECK ((position_code IS NULL) = (unit_code IS NULL))
      )`);
    await q.query('CREATE INDEX catalogue_activity_type ON catalogue_activity (position_type)');
    await q.query('CREATE INDEX catalogue_activity_position ON catalogue_activity (position_code)');
    // Opened by a BKD admin for a unit and the units below it; the row is the audit of who, when and why.
    await q.query(`
      CREATE TABLE backdating_window (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_code text NOT NULL,
        from_date date NOT NULL,
        to_date date NOT NULL,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        reason text NOT NULL,
        opened_by text NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        CHECK (to_date >= from_date),
        CHECK (closes_at > opens_at)
      )`);
    await q.query('CREATE INDEX backdating_window_unit ON backdating_window (unit_code, to_date)');
    await q.query(`
      CREATE TABLE stored_file (
        id uuid PRIMARY KEY,
        nip text NOT NULL,
        content_type text NOT NULL,
        size_bytes int NOT NULL,
        storage_key text NOT NULL,
        sha256 text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The catalogue activity's name and standard minutes are copied onto the entry: the catalogue may
    // change or lose the activity later, and the entry must still say what it was judged against.
    await q.query(`
      CREATE TABLE activity (
        id uuid PRIMARY KEY,
        nip text NOT NULL,
        activity_date date NOT NULL,
        unit_code text NOT NULL,
        catalogue_code text,
        catalogue_name text,
        description text,
        quantity int NOT NULL CHECK (quantity > 0),
        minutes int NOT NULL CHECK (minutes > 0),
        standard_minutes int,
        target_id uuid,
        evidence_id uuid REFERENCES stored_file (id),
        backdating_window_id uuid REFERENCES backdating_window (id),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REDUCED', 'REJECTED')),
        verified_minutes int CHECK (verified_minutes >= 0 AND verified_minutes <= minutes),
        decided_by text,
        decided_at timestamptz,
        decision_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((catalogue_code IS NULL) <> (description IS NULL)),
        CHECK ((status = 'PENDING') = (verified_minutes IS NULL))
      )`);
    await q.query('CREATE INDEX activity_employee_day ON activity (nip, activity_date)');
    // The verification inbox reads pending entries per subordinate.
    await q.query(`CREATE INDEX activity_pending ON activity (nip, activity_date) WHERE status = 'PENDING'`);

    for (const [kind, rule] of SEEDED_RULES) {
      await q.query(`INSERT INTO rule_version (kind, effective_from, source, value, updated_by) VALUES ($1, $2, $3, $4, 'seed')`, [
        kind,
        rule.effectiveFrom,
        rule.source,
        JSON.stringify(rule.value),
      ]);
    }
    for (const day of holidays2026.days) {
      await q.query('INSERT INTO holiday (date, kind, name, source) VALUES ($1, $2, $3, $4)', [day.date, day.kind, day.name, holidays2026.source]);
    }
    for (const [type, activities] of Object.entries(teacherCatalogue.value)) {
      for (const a of activities) {
        await q.query(
          `INSERT INTO catalogue_activity (code, name, output_unit, standard_minutes, evidence_required, position_type, activity_group, share, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'seed')`,
          [a.code, a.name, a.outputUnit, a.standardMinutes, a.evidenceRequired, type, a.group, a.share],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['activity', 'stored_file', 'backdating_window', 'catalogue_activity', 'holiday', 'rule_version']) await q.query(`DROP TABLE ${table}`);
  }
}
