import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Audit1732782100000 implements MigrationInterface {
  name = 'Audit1732782100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_entry (
        id bigserial PRIMARY KEY,
        actor_nip text,
        actor_roles text[] NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        target_nip text,
        target_unit text,
        status int NOT NULL,
        request_id text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX audit_entry_at ON audit_entry (at)');
    await q.query('CREATE INDEX audit_entry_actor ON audit_entry (actor_nip, at)');
    await q.query('CREATE INDEX audit_entry_target ON audit_entry (target_nip, at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_entry');
  }
}
