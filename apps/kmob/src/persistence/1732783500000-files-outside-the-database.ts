import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Selfies and attachments move to the file storage (libs/service-kit FileStorage); the database keeps
 * each file's key and content hash. Files stored before keep their bytes here until they are moved.
 */
export class FilesOutsideTheDatabase1732783500000 implements MigrationInterface {
  name = 'FilesOutsideTheDatabase1732783500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE stored_file ADD COLUMN storage_key text, ADD COLUMN sha256 text, ALTER COLUMN bytes DROP NOT NULL');
    await q.query('ALTER TABLE stored_file ADD CONSTRAINT stored_file_somewhere CHECK (bytes IS NOT NULL OR storage_key IS NOT NULL)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE stored_file DROP CONSTRAINT stored_file_somewhere, DROP COLUMN storage_key, DROP COLUMN sha256');
  }
}
