import { CreateMessagingTables1732780800000 } from '@app/messaging';
import { CreateJobTables1732780850000 } from '@app/service-kit';
import { createTestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { KmobSchema1732783000000 } from '../src/persistence/1732783000000-kmob-schema';
import { MonthCloseRuns1732783100000 } from '../src/persistence/1732783100000-month-close-runs';
import { MonthCloseState1732783200000 } from '../src/persistence/1732783200000-month-close-state';
import { RequestLimits1732783300000 } from '../src/persistence/1732783300000-request-limits';
import { JobsInJobTables1732783400000 } from '../src/persistence/1732783400000-jobs-in-job-tables';
import { MonthsClosedWithoutSuccess1732790200000 } from '../src/persistence/1732790200000-months-closed-without-success';

const BEFORE_RUNS = [CreateMessagingTables1732780800000, CreateJobTables1732780850000, KmobSchema1732783000000];
const WITH_RUNS = [...BEFORE_RUNS, MonthCloseRuns1732783100000];
const UP_TO_JOBS = [...WITH_RUNS, MonthCloseState1732783200000, RequestLimits1732783300000, JobsInJobTables1732783400000];

async function migrate(url: string, migrations: (typeof BEFORE_RUNS)[number][]): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations, migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

/**
 * The state the earlier code left: a close that failed still wrote its month_close row, which
 * 1732783200000 made CLOSED. Built with the old migrations, then repaired by the new one.
 */
describe('K-Mob migration: months closed without a successful run', () => {
  let db: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    db = await createTestDatabase('kmob_repair');
  });
  afterAll(() => db.drop());

  it('keeps only months a run closed successfully (or a one-request close that published), and those a run is still closing', async () => {
    // Closed in one request before runs were recorded: one published, one failed before publishing anything.
    let ds = await migrate(db.url, BEFORE_RUNS);
    await ds.query(`INSERT INTO month_close (month, closed_by) VALUES ('2025-10', 'admin'), ('2025-11', 'admin')`);
    await ds.query(`INSERT INTO month_summary (month, nip, version, digest, summary) VALUES ('2025-10', '199003152015031002', 1, 'd', '{}')`);
    await ds.destroy();

    // Runs recorded in month_close_run; each close wrote its row before its run did anything.
    ds = await migrate(db.url, WITH_RUNS);
    const close = async (month: string, ...runs: string[]) => {
      await ds.query(`INSERT INTO month_close (month, closed_by) VALUES ($1, 'admin')`, [month]);
      for (const status of runs) await ds.query(`INSERT INTO month_close_run (month, status, started_by) VALUES ($1, $2, 'admin')`, [month, status]);
    };
    await close('2025-12', 'FAILED', 'FAILED'); // every run failed, after publishing part of the month
    await ds.query(`INSERT INTO month_summary (month, nip, version, digest, summary) VALUES ('2025-12', '199003152015031002', 1, 'd', '{}')`);
    await close('2026-01', 'FAILED', 'DONE'); // failed once, then succeeded
    await close('2026-02', 'RUNNING'); // cut short by the upgrade: it cannot resume
    await ds.destroy();

    // The job tables, where a run still under way owns its month's row.
    ds = await migrate(db.url, UP_TO_JOBS);
    await ds.query(`INSERT INTO month_close (month, closed_by, status) VALUES ('2026-03', 'admin', 'CLOSING'), ('2026-04', 'admin', 'CLOSING')`);
    await ds.query(
      `INSERT INTO job (kind, status, input, dedupe_key) VALUES ('kmob.month-close', 'RUNNING', '{"month": "2026-03", "by": "admin"}', '2026-03')`,
    );
    await ds.query(`INSERT INTO job (kind, status, input) VALUES ('kmob.month-close', 'FAILED', '{"month": "2026-04", "by": "admin"}')`);
    const before = (await ds.query('SELECT month, status FROM month_close ORDER BY month')) as { month: string; status: string }[];
    expect(before.map((r) => `${r.month} ${r.status}`)).toEqual([
      '2025-10 CLOSED',
      '2025-11 CLOSED',
      '2025-12 CLOSED',
      '2026-01 CLOSED',
      '2026-02 CLOSED',
      '2026-03 CLOSING',
      '2026-04 CLOSING',
    ]);
    await ds.destroy();

    ds = await migrate(db.url, [...UP_TO_JOBS, MonthsClosedWithoutSuccess1732790200000]);
    try {
      const after = (await ds.query('SELECT month, status FROM month_close ORDER BY month')) as { month: string; status: string }[];
      expect(after.map((r) => `${r.month} ${r.status}`)).toEqual(['2025-10 CLOSED', '2026-01 CLOSED', '2026-03 CLOSING']);
      // What the failed runs published stays, to be corrected as usual.
      expect(await ds.query(`SELECT month FROM month_summary ORDER BY month`)).toEqual([{ month: '2025-10' }, { month: '2025-12' }]);
    } finally {
      await ds.destroy();
    }
  });
});
