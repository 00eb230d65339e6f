import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SiapSchema1732780900000 implements MigrationInterface {
  name = 'SiapSchema1732780900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit (
        code text PRIMARY KEY,
        name text NOT NULL,
        parent_code text REFERENCES unit(code),
        address text,
        version int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX unit_parent_code ON unit (parent_code)');
    await q.query(`
      CREATE TABLE position (
        code text PRIMARY KEY,
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('STRUKTURAL', 'FUNGSIONAL', 'PELAKSANA')),
        eselon text,
        jenjang text,
        kelas_jabatan int NOT NULL CHECK (kelas_jabatan BETWEEN 1 AND 17),
        unit_code text NOT NULL REFERENCES unit(code),
        parent_code text REFERENCES position(code),
        version int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX position_unit_code ON position (unit_code)');
    await q.query(`
      CREATE TABLE employee (
        nip char(18) PRIMARY KEY,
        name text NOT NULL,
        birth_date date NOT NULL,
        sex char(1) NOT NULL CHECK (sex IN ('L', 'P')),
        employment_type text NOT NULL CHECK (employment_type IN ('PNS', 'PPPK')),
        golongan text NOT NULL,
        unit_code text NOT NULL REFERENCES unit(code),
        position_code text NOT NULL REFERENCES position(code),
        tmt_cpns date NOT NULL,
        status text NOT NULL,
        email text,
        phone text,
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX employee_unit_code ON employee (unit_code)');
    await q.query('CREATE INDEX employee_name_search ON employee (lower(name) text_pattern_ops)');
    await q.query(`
      CREATE TABLE employee_history (
        id bigserial PRIMARY KEY,
        nip char(18) NOT NULL REFERENCES employee(nip),
        section text NOT NULL,
        sk_number text,
        tmt date,
        details jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX employee_history_nip_tmt ON employee_history (nip, tmt)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE employee_history');
    await q.query('DROP TABLE employee');
    await q.query('DROP TABLE position');
    await q.query('DROP TABLE unit');
  }
}
