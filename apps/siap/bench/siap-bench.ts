/**
 * `npm run bench:siap`: SIAP as it runs in `npm start` (its own process, embedded PostgreSQL, the
 * embedded broker as its own process), measured over HTTP. Prints registrations per second through
 * the service and its outbox, commit-to-consumer event latency at a steady 200 events/s, and the time
 * to import 36,000 CSV rows. Goals: ≥ 1,000 registrations/s, p99 < 100 ms, import < 60 s.
 * Right after each figure, a calibration of the same shape on the same servers (raw PostgreSQL writes
 * from as many clients, a bare kafkajs produce/consume loop at the same rate), printed beside it with
 * the ratio: the absolute figures differ twofold between machines of the same kind, the ratios do not.
 * BENCH_REGISTRATIONS, BENCH_CONCURRENCY, BENCH_IMPORT_ROWS and BENCH_CALIBRATION_SECONDS size the run.
 */
import { randomBytes } from 'node:crypto';
import { IDENTITY_HEADER, signIdentity } from '@app/auth';
import * as os from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'undici';
import {
  describePgCalibration,
  ensureDatabase,
  eventLatencyCalibration,
  exited,
  fmt,
  freePort,
  percentile,
  pgWriteCalibration,
  printTable,
  ratio,
  spawnBrokerProcess,
  spawnService,
  startEmbeddedPostgres,
  waitUntilReady,
} from '@app/testing';
import { demoEmployee, demoEmployeesCsv, demoOrganisation } from '../../../scripts/demo/sulteng-organisation';

const INTERNAL_SECRET = randomBytes(32).toString('hex');
const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const STEADY_RATE = 200;
const STEADY_SECONDS = 10;
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 36_000);
/** Rows per transaction of SIAP's import, which its calibration writes alike. */
const IMPORT_BATCH = 500;
const CALIBRATION_SECONDS = Number(process.env.BENCH_CALIBRATION_SECONDS ?? 5);

async function main(): Promise<void> {
  console.log(`SIAP benchmark on ${os.cpus().length} cores: embedded PostgreSQL, embedded broker, SIAP as separate processes`);
  const pg = await startEmbeddedPostgres();
  const broker = await spawnBrokerProcess(['--partitions', '3']);
  const port = await freePort();
  const databaseUrl = await ensureDatabase(pg.adminUrl, 'siap');
  const siap = spawnService('apps/siap/src/main.ts', {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: broker.address,
    INTERNAL_AUTH_SECRET: INTERNAL_SECRET,
  });
  const base = `http://127.0.0.1:${port}`;
  const api = `${base}/api/v1/siap`;
  // SIAP measured on its own: the benchmark stands in for the gateway and signs a BKD admin identity.
  const auth = {
    [IDENTITY_HEADER]: await signIdentity(
      { nip: '196608011988031001', name: 'Bench', roles: ['ADMIN_BKD', 'PEGAWAI'], unitCode: 'BKD' },
      INTERNAL_SECRET,
      3600,
    ),
  };
  const post = (p: string, body: unknown) =>
    fetch(`${api}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) });
  try {
    await waitUntilReady(base);
    const { units, positions, staffPositions } = demoOrganisation();
    for (const u of units) await post('/units', u);
    for (const p of positions) await post('/positions', p);

    // 1. Registrations per second, CONCURRENCY requests in flight.
    console.log(`Registering ${REGISTRATIONS.toLocaleString('en-US')} employees (after 1,000 to warm up) with ${CONCURRENCY} concurrent clients…`);
    const WARM_UP = 1000;
    let next = 0;
    let failed = 0;
    let t0 = performance.now();
    // undici's Pool rather than fetch: the load generator shares the two cores with what it measures.
    const http = new Pool(base, { connections: CONCURRENCY });
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < WARM_UP + REGISTRATIONS) {
          const i = next++;
          // The first WARM_UP registrations (JIT, connection pools, prepared statements) are not timed.
          if (i === WARM_UP) t0 = performance.now();
          const response = await http.request({
            path: '/api/v1/siap/employees',
            method: 'POST',
            headers: { 'content-type': 'application/json', ...auth },
            body: JSON.stringify(demoEmployee(i, staffPositions)),
          });
          if (response.statusCode !== 201) failed++;
          await response.body.dump();
        }
      }),
    );
    await http.close();
    const registerSeconds = (performance.now() - t0) / 1000;
    const registrationsPerSecond = REGISTRATIONS / registerSeconds;
    console.log(`Calibration: raw PostgreSQL, one row and one outbox event per transaction, ${CONCURRENCY} clients, ${CALIBRATION_SECONDS} s…`);
    const registerCalibration = await pgWriteCalibration(pg.adminUrl, { clients: CONCURRENCY, seconds: CALIBRATION_SECONDS });
    console.log(`  ${describePgCalibration(registerCalibration)}`);

    // 2. Commit-to-consumer latency at a steady rate.
    const consumer = new Kafka({ clientId: 'bench', brokers: [broker.address], logLevel: logLevel.NOTHING }).consumer({
      groupId: 'bench-latency',
      maxWaitTimeInMs: 100,
    });
    const latencies: number[] = [];
    const eventBytes: number[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'siap.employee.v1', fromBeginning: false });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.run({
      // ce_time is stamped inside the transaction that commits the row and its outbox event.
      eachMessage: async ({ message }) => {
        latencies.push(Date.now() - Date.parse(String(message.headers!.ce_time)));
        eventBytes.push(message.value?.length ?? 0);
      },
    });
    while (!joined) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1000));
    console.log(`Registering at a steady ${STEADY_RATE}/s for ${STEADY_SECONDS} s, timing each event from its commit to a kafkajs consumer…`);
    const steadyStart = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < STEADY_RATE * STEADY_SECONDS; i++) {
      const due = steadyStart + (i * 1000) / STEADY_RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const employee = demoEmployee(100_000 + i, staffPositions);
      pending.push(post('/employees', employee).then((response) => response.arrayBuffer().then(() => undefined)));
    }
    await Promise.all(pending);
    const deadline = Date.now() + 30_000;
    while (latencies.length < STEADY_RATE * STEADY_SECONDS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await consumer.disconnect();
    latencies.sort((a, b) => a - b);
    const messageBytes = eventBytes.sort((a, b) => a - b)[eventBytes.length >> 1] ?? 1024;
    console.log(`Calibration: kafkajs straight to the broker, ${messageBytes} B messages at ${STEADY_RATE}/s for ${STEADY_SECONDS} s, send to consumer…`);
    const eventCalibration = await eventLatencyCalibration(broker.address, { rate: STEADY_RATE, seconds: STEADY_SECONDS, messageBytes, maxWaitTimeInMs: 100 });

    // 3. Import of 36,000 rows.
    console.log(`Importing ${IMPORT_ROWS.toLocaleString('en-US')} CSV rows…`);
    const csv = demoEmployeesCsv(IMPORT_ROWS, staffPositions, 200_000);
    const importStart = performance.now();
    const job = (await (await fetch(`${api}/imports/employees`, { method: 'POST', headers: { 'content-type': 'text/csv', ...auth }, body: csv })).json()) as {
      id: string;
    };
    // The import runs as one of SIAP's jobs, followed at GET /jobs/{id}.
    let status: { status: string; progress: { processed: number; imported: number; failed: number } } = {
      status: 'QUEUED',
      progress: { processed: 0, imported: 0, failed: 0 },
    };
    let lastReport = 0;
    while (status.status !== 'DONE' && status.status !== 'FAILED') {
      await new Promise((r) => setTimeout(r, 200));
      status = (await (await fetch(`${api}/jobs/${job.id}`, { headers: auth })).json()) as typeof status;
      if (performance.now() - lastReport > 3000) {
        lastReport = performance.now();
        console.log(`  … ${fmt(status.progress.processed)} rows`);
      }
    }
    const importSeconds = (performance.now() - importStart) / 1000;
    console.log(`Calibration: raw PostgreSQL, ${IMPORT_BATCH} rows and their outbox events per transaction, one client, ${CALIBRATION_SECONDS} s…`);
    const importCalibration = await pgWriteCalibration(pg.adminUrl, { clients: 1, rowsPerTransaction: IMPORT_BATCH, seconds: CALIBRATION_SECONDS });
    console.log(`  ${describePgCalibration(importCalibration)}`);
    /** The time the calibration's rate would take for the same rows. */
    const importCalibrationSeconds = IMPORT_ROWS / importCalibration.rowsPerSecond;

    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const fine = (v: number) => `${v.toFixed(2)} ms`;
    const [p50, p99] = [percentile(latencies, 50), percentile(latencies, 99)];
    const [calibrationP50, calibrationP99] = [percentile(eventCalibration, 50), percentile(eventCalibration, 99)];
    printTable(
      ['measure', 'result', 'calibration', 'ratio', 'goal', 'met'],
      [
        [
          `registrations (${CONCURRENCY} clients, ${failed} failed)`,
          `${fmt(registrationsPerSecond)} /s`,
          `${fmt(registerCalibration.transactionsPerSecond)} tx/s`,
          ratio(registrationsPerSecond, registerCalibration.transactionsPerSecond),
          '≥ 1,000 /s',
          registrationsPerSecond >= 1000 ? 'yes' : 'NO',
        ],
        [`event latency p50 (${latencies.length} events at ${STEADY_RATE}/s)`, ms(p50), fine(calibrationP50), ratio(p50, calibrationP50), '', ''],
        [
          'event latency p99',
          ms(p99),
          `${fine(calibrationP99)} (${eventCalibration.length} events)`,
          ratio(p99, calibrationP99),
          '< 100 ms',
          p99 < 100 ? 'yes' : 'NO',
        ],
        [
          `import of ${fmt(IMPORT_ROWS)} rows (${status.progress.imported} stored, ${status.progress.failed} rejected)`,
          `${importSeconds.toFixed(1)} s`,
          `${importCalibrationSeconds.toFixed(2)} s (${fmt(importCalibration.rowsPerSecond)} rows/s)`,
          ratio(importSeconds, importCalibrationSeconds),
          '< 60 s',
          importSeconds < 60 && status.status === 'DONE' ? 'yes' : 'NO',
        ],
      ],
    );
    console.log(
      `calibration, measured in this run right after each figure: raw \`pg\` transactions on the same PostgreSQL server, each one INSERT of an employee-like row plus one outbox-like INSERT (registrations: ${CONCURRENCY} clients, one row each; import: one client, ${IMPORT_BATCH} rows each, its time for the same rows), and kafkajs producing straight to the same broker at the same rate and size (event latency); ratio = figure ÷ calibration, which compares across machines where the absolute figures do not.`,
    );
  } finally {
    siap.kill('SIGTERM');
    await exited(siap);
    broker.child.kill('SIGTERM');
    await exited(broker.child);
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
