import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An employee's atasan is whoever holds the parent position (libs/auth, SiapScope): reading another
 * employee's profile, and every scope check of an atasan, looks employees up by position.
 */
export class EmployeePositionIndex1732791500000 implements MigrationInterface {
  name = 'EmployeePositionIndex1732791500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX IF NOT EXISTS employee_position_code ON employee (position_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS employee_position_code');
  }
}
