import { moveImportJobsToJobs } from '@app/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Imports became durable jobs (libs/service-kit/src/jobs): earlier imports move to the job tables. */
export class ImportJobsToJobs1732781100000 implements MigrationInterface {
  name = 'ImportJobsToJobs1732781100000';

  async up(q: QueryRunner): Promise<void> {
    await moveImportJobsToJobs(q, 'siap.employee-import');
  }

  async down(): Promise<void> {
    // The job tables keep everything the old table held.
  }
}
