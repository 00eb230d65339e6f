import { startEmbeddedPostgres, type RunningPostgres } from '../libs/testing/src/embedded-postgres';

declare global {
  var __TEST_POSTGRES__: RunningPostgres | undefined;
}

/**
 * One PostgreSQL for the whole test run: the embedded server, unless DATABASE_URL names a real one.
 * Each test file then creates a database of its own on it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_PG_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const pg = await startEmbeddedPostgres();
  globalThis.__TEST_POSTGRES__ = pg;
  process.env.TEST_PG_ADMIN_URL = pg.adminUrl;
}
