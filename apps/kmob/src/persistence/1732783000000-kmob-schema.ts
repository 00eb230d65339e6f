import type { MigrationInterface, QueryRunner } from 'typeorm';
import annualLeaveRules from '../rules/seed/annual-leave-rules.json';
import disciplineRules from '../rules/seed/discipline-rules.json';
import holidays2026 from '../rules/seed/holidays-2026.json';
import leaveTypeRules from '../rules/seed/leave-type-rules.json';
import scheduleRules from '../rules/seed/schedule-rules.json';

const SEEDED_RULES: [string, { effectiveFrom: string; source: string; value: unknown }[]][] = [
  ['discipline', disciplineRules],
  ['annual-leave', annualLeaveRules],
  ['leave-types', leaveTypeRules],
  ['schedule', scheduleRules],
];

/** K-Mob's own tables; the figures of the rules are seeded as data, editable by admins afterwards. */
export class KmobSchema1732783000000 implements MigrationInterface {
  name = 'KmobSchema1732783000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE employee (
        nip text PRIMARY KEY,
        name text NOT NULL,
        unit_code text NOT NULL,
        unit_path text[] NOT NULL,
        position_code text NOT NULL,
        supervisor_position_code text,
        status text NOT NULL,
        tmt_cpns date NOT NULL,
        version int NOT NULL
      )`);
    await q.query('CREATE INDEX employee_position ON employee (position_code)');
    await q.query('CREATE TABLE unit (code text PRIMARY KEY, name text NOT NULL, path text[] NOT NULL, version int NOT NULL)');
    // Where the employee worked from which day: days are summarised under the unit of that day, and
    // a row with a null unit (after termination) or before the first row means not in service.
    await q.query(`
      CREATE TABLE employee_unit (
        nip text NOT NULL,
        valid_from date NOT NULL,
        unit_code text,
        unit_path text[],
        PRIMARY KEY (nip, valid_from)
      )`);
    await q.query(`
      CREATE TABLE location (
        id bigserial PRIMARY KEY,
        unit_code text,
        nip text,
        name text NOT NULL,
        latitude double precision NOT NULL,
        longitude double precision NOT NULL,
        radius_meters int NOT NULL,
        wifi_bssids text[] NOT NULL DEFAULT '{}',
        CHECK ((unit_code IS NULL) <> (nip IS NULL))
      )`);
    await q.query('CREATE INDEX location_unit ON location (unit_code)');
    await q.query('CREATE INDEX location_nip ON location (nip)');
    await q.query(`
      CREATE TABLE stored_file (
        id uuid PRIMARY KEY,
        nip text NOT NULL,
        purpose text NOT NULL,
        content_type text NOT NULL,
        size_bytes int NOT NULL,
        bytes bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE check_in (
        id uuid PRIMARY KEY,
        nip text NOT NULL,
        type text NOT NULL CHECK (type IN ('IN', 'OUT')),
        at timestamptz NOT NULL,
        work_date date NOT NULL,
        local_minute int NOT NULL,
        unit_code text NOT NULL,
        source text NOT NULL,
        latitude double precision,
        longitude double precision,
        accuracy_meters double precision,
        location_name text,
        distance_meters int,
        device_id text,
        photo_id uuid REFERENCES stored_file (id),
        UNIQUE (nip, type, at)
      )`);
    // The live recap reads (date, type) → first minute per employee from this index alone.
    await q.query('CREATE INDEX check_in_day ON check_in (work_date, type, nip) INCLUDE (local_minute)');
    await q.query('CREATE INDEX check_in_employee ON check_in (nip, work_date)');
    await q.query(`
      CREATE TABLE attendance_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nip text NOT NULL,
        type text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        reason text NOT NULL,
        working_days int NOT NULL,
        status text NOT NULL DEFAULT 'PENDING',
        attachment_id uuid REFERENCES stored_file (id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_by text,
        decided_at timestamptz,
        decision_note text,
        CHECK (end_date >= start_date)
      )`);
    await q.query('CREATE INDEX attendance_request_employee ON attendance_request (nip, start_date)');
    await q.query(`CREATE INDEX attendance_request_day ON attendance_request (start_date, end_date) WHERE status = 'APPROVED'`);
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
    await q.query(`
      CREATE TABLE holiday (
        date date PRIMARY KEY,
        kind text NOT NULL,
        name text NOT NULL,
        source text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE month_close (
        month text PRIMARY KEY,
        closed_at timestamptz NOT NULL DEFAULT now(),
        closed_by text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE month_summary (
        month text NOT NULL,
        nip text NOT NULL,
        version int NOT NULL,
        digest text NOT NULL,
        summary jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (month, nip)
      )`);
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
    for (const [kind, versions] of SEEDED_RULES) {
      for (const v of versions) {
        await q.query(`INSERT INTO rule_version (kind, effective_from, source, value, updated_by) VALUES ($1, $2, $3, $4, 'seed')`, [
          kind,
          v.effectiveFrom,
          v.source,
          JSON.stringify(v.value),
        ]);
      }
    }
    for (const day of holidays2026.days) {
      await q.query('INSERT INTO holiday (date, kind, name, source) VALUES ($1, $2, $3, $4)', [day.date, day.kind, day.name, holidays2026.source]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'import_job',
      'month_summary',
      'month_close',
      'holiday',
      'rule_version',
      'attendance_request',
      'check_in',
      'stored_file',
      'location',
      'employee_unit',
      'unit',
      'employee',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
