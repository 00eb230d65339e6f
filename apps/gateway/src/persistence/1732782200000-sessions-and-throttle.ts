import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that end at once: an access token names its session and the account's token epoch, both
 * checked on every request, so logout, a password change, a role change and a termination take effect
 * immediately. Failed logins are throttled per account and address (login_throttle), not by locking
 * the account for everyone.
 */
export class SessionsAndThrottle1732782200000 implements MigrationInterface {
  name = 'SessionsAndThrottle1732782200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE account ADD COLUMN token_epoch int NOT NULL DEFAULT 1');
    await q.query('ALTER TABLE account DROP COLUMN failed_logins, DROP COLUMN locked_until');
    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nip char(18) NOT NULL REFERENCES account(nip),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query('CREATE INDEX auth_session_nip ON auth_session (nip)');
    // Refresh tokens from before sessions existed belong to none and can no longer be redeemed.
    await q.query('ALTER TABLE refresh_token ADD COLUMN session_id uuid REFERENCES auth_session(id)');
    await q.query('CREATE INDEX refresh_token_session ON refresh_token (session_id)');
    // What ended or changed access since tokens now alive were issued: every gateway instance keeps the
    // recent rows in memory (woken by NOTIFY), so a request needs no query unless its account changed.
    await q.query(`
      CREATE TABLE account_change (
        id bigserial PRIMARY KEY,
        nip char(18) NOT NULL,
        session_id uuid,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX account_change_at ON account_change (at)');
    await q.query(`
      CREATE FUNCTION notify_account_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('account_change', ''); RETURN NULL; END $$`);
    await q.query('CREATE TRIGGER account_change_notify AFTER INSERT ON account_change FOR EACH STATEMENT EXECUTE FUNCTION notify_account_change()');
    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        attempts int NOT NULL,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX login_throttle_updated ON login_throttle (updated_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_throttle');
    await q.query('DROP TABLE account_change');
    await q.query('DROP FUNCTION notify_account_change()');
    await q.query('ALTER TABLE refresh_token DROP COLUMN session_id');
    await q.query('DROP TABLE auth_session');
    await q.query('ALTER TABLE account ADD COLUMN failed_logins int NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz');
    await q.query('ALTER TABLE account DROP COLUMN token_epoch');
  }
}
