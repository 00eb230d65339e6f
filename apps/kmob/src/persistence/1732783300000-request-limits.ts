import type { MigrationInterface, QueryRunner } from 'typeorm';
import leaveTypeRules from '../rules/seed/leave-type-rules.json';

/**
 * Every request type gets a longest span and a filing window (how far back and ahead of today), so
 * no request can make K-Mob count decades of days. Seeded versions an admin has not edited take the
 * new figures; an edited version is left as the admin set it.
 */
export class RequestLimits1732783300000 implements MigrationInterface {
  name = 'RequestLimits1732783300000';

  async up(q: QueryRunner): Promise<void> {
    for (const v of leaveTypeRules) {
      await q.query(
        `INSERT INTO rule_version (kind, effective_from, source, value, updated_by) VALUES ('leave-types', $1, $2, $3, 'seed')
         ON CONFLICT (kind, scope, effective_from) DO UPDATE SET source = $2, value = $3 WHERE rule_version.updated_by = 'seed'`,
        [v.effectiveFrom, v.source, JSON.stringify(v.value)],
      );
    }
  }

  async down(): Promise<void> {
    // The earlier figures are a subset of these; nothing to undo.
  }
}
