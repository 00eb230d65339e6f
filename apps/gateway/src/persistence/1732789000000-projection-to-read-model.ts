import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway's copy of SIAP's employees becomes the shared read model (libs/siap-read-model), which names it `employee`. */
export class ProjectionToReadModel1732789000000 implements MigrationInterface {
  name = 'ProjectionToReadModel1732789000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE employee_projection RENAME TO employee');
    await q.query('ALTER INDEX employee_projection_position RENAME TO employee_position');
    await q.query('ALTER INDEX employee_projection_supervisor RENAME TO employee_supervisor');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE employee RENAME TO employee_projection');
  }
}
