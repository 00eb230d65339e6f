import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GatewaySchema1732782000000 implements MigrationInterface {
  name = 'GatewaySchema1732782000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account (
        nip char(18) PRIMARY KEY,
        name text NOT NULL,
        unit_code text NOT NULL,
        status text NOT NULL CHECK (status IN ('INACTIVE', 'ACTIVE', 'DISABLED')),
        roles text[] NOT NULL,
        password_hash text,
        failed_logins int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        activation_hash text,
        activation_expires timestamptz
      )`);
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nip char(18) NOT NULL REFERENCES account(nip),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX refresh_token_nip ON refresh_token (nip)');
    await q.query(`
      CREATE TABLE employee_projection (
        nip char(18) PRIMARY KEY,
        name text NOT NULL,
        unit_code text NOT NULL,
        unit_path text[] NOT NULL,
        position_code text NOT NULL,
        supervisor_position_code text,
        status text NOT NULL,
        version int NOT NULL
      )`);
    await q.query('CREATE INDEX employee_projection_position ON employee_projection (position_code)');
    await q.query('CREATE INDEX employee_projection_supervisor ON employee_projection (supervisor_position_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE employee_projection');
    await q.query('DROP TABLE refresh_token');
    await q.query('DROP TABLE account');
  }
}
