import { Kafka, logLevel } from 'kafkajs';
import { freePort, spawnService, TEST_INTERNAL_SECRET, waitFor, waitUntilReady } from '@app/testing';
import { ADMIN, seedOrganisation, startSiap, type SiapHarness } from './siap-fixture';
import { siasnCsv } from './siasn-csv-fixture';

const ROWS = 36_000;

/**
 * SIAP killed (SIGKILL) in the middle of importing a province's export: after the restart the durable
 * job is taken up again from its last committed batch and completes, every row applied once.
 */
describe('SIAP import survives a crash', () => {
  let h: SiapHarness;

  beforeAll(async () => {
    h = await startSiap({ process: true, env: { SERVICE_ROLE: 'api' } });
    await seedOrganisation(h);
  }, 60_000);
  afterAll(() => h?.close());

  it('leaves jobs to the worker when the API replicas run as SERVICE_ROLE=api, and the worker runs them', async () => {
    const csv = siasnCsv([{ seq: 90_001, unitCode: 'DINKES', positionCode: 'DINKES-PELAKSANA' }]);
    const started = await h.call('POST', '/api/v1/siap/imports/employees', csv, ADMIN, 'text/csv');
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await h.call('GET', `/api/v1/siap/jobs/${started.body.id}`)).body.status).toBe('QUEUED');
    const port = await freePort();
    const worker = spawnService('apps/siap/src/main.ts', {
      PORT: String(port),
      DATABASE_URL: h.databaseUrl,
      KAFKA_BROKERS: h.broker.address,
      INTERNAL_AUTH_SECRET: TEST_INTERNAL_SECRET,
      SERVICE_ROLE: 'worker',
    });
    try {
      await waitUntilReady(`http://127.0.0.1:${port}`);
      await waitFor(async () => (await h.call('GET', `/api/v1/siap/jobs/${started.body.id}`)).body.status === 'DONE', 'the worker to run the import');
    } finally {
      worker.kill('SIGTERM');
      await new Promise((r) => worker.once('exit', r));
    }
    await h.restart({ SERVICE_ROLE: 'all' }); // the crash test below kills the process that runs the import
  }, 120_000);

  it('resumes a 36,000-row import after SIGKILL and applies every row exactly once', async () => {
    const before = (await h.db.query('SELECT count(*)::int AS n FROM employee'))[0].n;
    const csv = siasnCsv(
      Array.from({ length: ROWS }, (_, seq) => ({
        seq,
        unitCode: seq % 2 ? 'BKD-MUTASI' : 'DINKES',
        positionCode: seq % 2 ? 'BKD-ANALIS' : 'DINKES-PELAKSANA',
      })),
    );
    const started = await h.call('POST', '/api/v1/siap/imports/employees', csv, ADMIN, 'text/csv');
    expect(started.status).toBe(202);
    const job = () => h.call('GET', `/api/v1/siap/jobs/${started.body.id}`).then((r) => r.body);
    await waitFor(async () => (await job()).progress.processed >= 6_000, 'the import to be under way', 120_000, 20);
    await h.kill('SIGKILL');
    const cut = (await h.db.query('SELECT progress FROM job WHERE id = $1', [started.body.id]))[0].progress;
    expect(cut.processed).toBeLessThan(ROWS);

    await h.restart();
    await waitFor(async () => ['DONE', 'FAILED'].includes((await job()).status), 'the resumed import to finish', 180_000, 250);
    const done = await job();
    expect(done).toMatchObject({ status: 'DONE', attempts: 2, progress: { total: ROWS, processed: ROWS, unchanged: 0 } });
    // A batch applied twice would show its rows as unchanged the second time, and their history and events twice.
    const { imported, failed } = done.progress;
    expect(imported + failed).toBe(ROWS);
    expect(await h.db.query('SELECT count(*)::int AS n FROM employee')).toEqual([{ n: before + imported }]);
    expect(await h.db.query('SELECT count(*)::int AS n FROM employee_history')).toEqual([{ n: 3 * (before + imported) }]);
    await waitFor(async () => (await h.db.query('SELECT count(*)::int AS n FROM outbox_event'))[0].n === 0, 'the outbox to drain', 60_000);
    // Delivery is at least once (a relay killed between Kafka's ack and its own bookkeeping sends a batch
    // again, and consumers drop it by event id): every event is on the topic, and no row made two events.
    const ids = new Map<string, string>();
    const consumer = new Kafka({ clientId: 'crash-test', brokers: [h.broker.address], logLevel: logLevel.NOTHING }).consumer({
      groupId: 'crash-test',
      maxWaitTimeInMs: 200,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: 'siap.employee.v1', fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void ids.set(String(message.headers?.ce_id), String(message.key)) });
    await waitFor(() => ids.size >= before + imported, 'every event on the topic', 60_000, 200);
    await consumer.disconnect();
    expect(ids.size).toBe(before + imported);
    expect(new Set(ids.values()).size).toBe(before + imported);
  }, 300_000);
});
