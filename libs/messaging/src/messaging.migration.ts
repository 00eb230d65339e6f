import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox and inbox tables every service includes in its own migrations. */
export class CreateMessagingTables1732780800000 implements MigrationInterface {
  name = 'CreateMessagingTables1732780800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_event (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        record_key text NOT NULL,
        type text NOT NULL,
        source text NOT NULL,
        subject text NOT NULL,
        time timestamptz NOT NULL,
        data jsonb NOT NULL,
        traceparent text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Wakes the relay at commit time; polling remains the fallback if a notification is missed.
    await q.query(`
      CREATE FUNCTION notify_outbox_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('outbox_event', ''); RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox_event()`);
    await q.query(`
      CREATE TABLE inbox_event (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE inbox_event');
    await q.query('DROP TRIGGER outbox_event_notify ON outbox_event');
    await q.query('DROP FUNCTION notify_outbox_event()');
    await q.query('DROP TABLE outbox_event');
  }
}
