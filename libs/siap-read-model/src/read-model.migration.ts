import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SIAP's units, positions and employees as every other service keeps them (its own copy, fed by SIAP's
 * events), with each employee's units over time from the decrees' TMT. Written to be applied over the
 * older per-service copies too (K-Mob's tables; the gateway renames its own first).
 */
export class SiapReadModel1732790000000 implements MigrationInterface {
  name = 'SiapReadModel1732790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS employee (
        nip text PRIMARY KEY,
        name text NOT NULL,
        unit_code text NOT NULL,
        unit_path text[] NOT NULL,
        position_code text NOT NULL,
        supervisor_position_code text,
        status text NOT NULL,
        version int NOT NULL
      )`);
    await q.query('ALTER TABLE employee ALTER COLUMN nip TYPE text');
    for (const column of ['tmt_cpns date', 'kelas_jabatan int', 'employment_type text', 'golongan text'])
      await q.query(`ALTER TABLE employee ADD COLUMN IF NOT EXISTS ${column}`);
    await q.query('CREATE INDEX IF NOT EXISTS employee_position ON employee (position_code)');
    await q.query('CREATE INDEX IF NOT EXISTS employee_supervisor ON employee (supervisor_position_code)');
    await q.query('CREATE TABLE IF NOT EXISTS unit (code text PRIMARY KEY, name text NOT NULL, path text[] NOT NULL, version int NOT NULL)');
    await q.query('ALTER TABLE unit ADD COLUMN IF NOT EXISTS parent_code text');
    await q.query(`
      CREATE TABLE IF NOT EXISTS position (
        code text PRIMARY KEY,
        name text NOT NULL,
        type text NOT NULL,
        unit_code text NOT NULL,
        parent_code text,
        kelas_jabatan int NOT NULL,
        version int NOT NULL
      )`);
    // Where the employee worked from which day: a row with a null unit (after termination) or a day
    // before the first row means not in service.
    await q.query(`
      CREATE TABLE IF NOT EXISTS employee_unit (
        nip text NOT NULL,
        valid_from date NOT NULL,
        unit_code text,
        unit_path text[],
        PRIMARY KEY (nip, valid_from)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS position');
  }
}
