/**
 * `npm run bench:siap`: SIAP as it runs in `npm start` (its own process, embedded PostgreSQL, the
 * embedded broker as its own process), measured over HTTP. Prints registrations per second through
 * the service and its outbox, commit-to-consumer event latency at a steady 200 events/s, and the time
 * to import 36,000 CSV rows. Goals: ≥ 1,000 registrations/s, p99 < 100 ms, import < 60 s.
 */
import { randomBytes } from 'node:crypto';
import { IDENTITY_HEADER, signIdentity } from '../../../libs/auth/src';
import * as os from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'undici';
import { ensureDatabase, freePort, percentile, spawnService, startEmbeddedPostgres, waitUntilReady } from '../../../libs/testing/src';
import { exited, spawnBrokerProcess } from '../../../libs/kafka-broker/test/support/broker-process';
import { demoEmployee, demoEmployeesCsv, demoOrganisation } from '../../../scripts/demo/sulteng-organisation';

const INTERNAL_SECRET = randomBytes(32).toString('hex');
const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const STEADY_RATE = 200;
const STEADY_SECONDS = 10;
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 36_000);


async function main(): Promise<void> {
  console.log(`SIAP benchmark on ${os.cpus().length} cores: embedded PostgreSQL, embedded broker, SIAP as separate processes`);
  const pg = await startEmbeddedPostgres();
  const broker = await spawnBrokerProcess(['--partitions', '3']);
  const port = await freePort();
  const databaseUrl = await ensureDatabase(pg.adminUrl, 'siap');
  const siap = spawnService('apps/siap/src/main.ts', { PORT: String(port), DATABASE_URL: databaseUrl, KAFKA_BROKERS: broker.address, INTERNAL_AUTH_SECRET: INTERNAL_SECRET });
  const base = `http://127.0.0.1:${port}`;
  const api = `${base}/api/v1/siap`;
  // SIAP measured on its own: the benchmark stands in for the gateway and signs a BKD admin identity.
  const auth = { [IDENTITY_HEADER]: await signIdentity({ nip: '196608011988031001', name: 'Bench', roles: ['ADMIN_BKD', 'PEGAWAI'], unitCode: 'BKD' }, INTERNAL_SECRET, 3600) };
  const post = (p: string, body: unknown) => fetch(`${api}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) });
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

    // 2. Commit-to-consumer latency at a steady rate.
    const consumer = new Kafka({ clientId: 'bench', brokers: [broker.address], logLevel: logLevel.NOTHING }).consumer({ groupId: 'bench-latency', maxWaitTimeInMs: 100 });
    const latencies: number[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'siap.employee.v1', fromBeginning: false });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.run({
      // ce_time is stamped inside the transaction that commits the row and its outbox event.
      eachMessage: async ({ message }) => void latencies.push(Date.now() - Date.parse(String(message.headers!.ce_time))),
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

    // 3. Import of 36,000 rows.
    console.log(`Importing ${IMPORT_ROWS.toLocaleString('en-US')} CSV rows…`);
    const csv = demoEmployeesCsv(IMPORT_ROWS, staffPositions, 200_000);
    const importStart = performance.now();
    const job = (await (await fetch(`${api}/imports/employees`, { method: 'POST', headers: { 'content-type': 'text/csv', ...auth }, body: csv })).json()) as { id: string };
    let status: { status: string; processedRows: number; imported: number; failed: number } = { status: 'QUEUED', processedRows: 0, imported: 0, failed: 0 };
    let lastReport = 0;
    while (status.status !== 'DONE' && status.status !== 'FAILED') {
      await new Promise((r) => setTimeout(r, 200));
      status = (await (await fetch(`${api}/imports/${job.id}`, { headers: auth })).json()) as typeof status;
      if (performance.now() - lastReport > 3000) {
        lastReport = performance.now();
        console.log(`  … ${status.processedRows.toLocaleString('en-US')} rows`);
      }
    }
    const importSeconds = (performance.now() - importStart) / 1000;

    console.log('\n| measure | result | goal | met |\n|---|---|---|---|');
    console.log(`| registrations (${CONCURRENCY} clients, ${failed} failed) | ${Math.round(registrationsPerSecond).toLocaleString('en-US')} /s | ≥ 1,000 /s | ${registrationsPerSecond >= 1000 ? 'yes' : 'NO'} |`);
    console.log(`| event latency p50 (${latencies.length} events at ${STEADY_RATE}/s) | ${percentile(latencies, 50).toFixed(1)} ms | | |`);
    console.log(`| event latency p99 | ${percentile(latencies, 99).toFixed(1)} ms | < 100 ms | ${percentile(latencies, 99) < 100 ? 'yes' : 'NO'} |`);
    console.log(`| import of ${IMPORT_ROWS.toLocaleString('en-US')} rows (${status.imported} stored, ${status.failed} rejected) | ${importSeconds.toFixed(1)} s | < 60 s | ${importSeconds < 60 && status.status === 'DONE' ? 'yes' : 'NO'} |`);
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
