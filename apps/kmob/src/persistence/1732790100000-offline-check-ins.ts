import type { MigrationInterface, QueryRunner } from 'typeorm';
import offlineCheckInRules from '../rules/seed/offline-check-in-rules.json';

/**
 * Check-ins made on a phone without signal and sent later: each keeps when the server received it
 * (`received_at`; null on rows from before, which were counted as received), the phone's own time
 * when one was sent (`captured_at`) and whether it counted at the phone's time (`device_time`). A phone
 * may name its check-in (`client_id`): the same one sent twice is stored once. The offline window is a
 * rule with an effective date, seeded here like the others.
 */
export class OfflineCheckIns1732790100000 implements MigrationInterface {
  name = 'OfflineCheckIns1732790100000';

  async up(q: QueryRunner): Promise<void> {
    // Added without a default first: existing rows keep null (no table rewrite), new rows get now().
    await q.query(
      'ALTER TABLE check_in ADD COLUMN received_at timestamptz, ADD COLUMN captured_at timestamptz, ADD COLUMN device_time boolean NOT NULL DEFAULT false, ADD COLUMN client_id uuid',
    );
    await q.query('ALTER TABLE check_in ALTER COLUMN received_at SET DEFAULT now()');
    await q.query('CREATE UNIQUE INDEX check_in_client ON check_in (nip, client_id) WHERE client_id IS NOT NULL');
    for (const v of offlineCheckInRules) {
      await q.query(
        `INSERT INTO rule_version (kind, effective_from, source, value, updated_by) VALUES ('offline-check-in', $1, $2, $3, 'seed')
         ON CONFLICT (kind, scope, effective_from) DO NOTHING`,
        [v.effectiveFrom, v.source, JSON.stringify(v.value)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM rule_version WHERE kind = 'offline-check-in'`);
    await q.query('DROP INDEX check_in_client');
    await q.query('ALTER TABLE check_in DROP COLUMN received_at, DROP COLUMN captured_at, DROP COLUMN device_time, DROP COLUMN client_id');
  }
}
