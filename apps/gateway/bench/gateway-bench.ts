/**
 * `npm run bench:gateway`: an authenticated GET of one employee through the gateway, against the same
 * request straight to SIAP (with the identity the gateway would sign), in the same run. Every piece is
 * its own process as in `npm start`. Goals: ≥ 70% of the direct throughput, added p99 ≤ 5 ms.
 */
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import { Pool } from 'undici';
import { IDENTITY_HEADER, signIdentity } from '../../../libs/auth/src';
import { exited, spawnBrokerProcess } from '../../../libs/kafka-broker/test/support/broker-process';
import { ensureDatabase, freePort, percentile, spawnService, startEmbeddedPostgres, waitUntilReady } from '../../../libs/testing/src';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PACED_RATE = 100;
const PACED_SECONDS = 6;
const ADMIN = { nip: '196608011988031001', password: 'Bench-Admin-2026' };
const NIP = '199001012015031002';


/** CONCURRENCY clients issuing the same GET for SECONDS; returns requests/s and sorted latencies (ms). */
async function load(origin: string, pathname: string, headers: Record<string, string>): Promise<{ rps: number; latencies: number[]; errors: number }> {
  const pool = new Pool(origin, { connections: CONCURRENCY });
  const latencies: number[] = [];
  let errors = 0;
  const warmUntil = Date.now() + 2000;
  const end = warmUntil + SECONDS * 1000;
  let counted = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        const response = await pool.request({ path: pathname, method: 'GET', headers });
        await response.body.dump();
        if (response.statusCode !== 200) errors++;
        if (Date.now() >= warmUntil) {
          latencies.push(performance.now() - t0);
          counted++;
        }
      }
    }),
  );
  await pool.close();
  return { rps: counted / SECONDS, latencies: latencies.sort((a, b) => a - b), errors };
}

/**
 * Latency at a steady, unsaturated rate (open loop): at saturation, latency is only queueing, so the
 * added cost of the gateway is measured here rather than under the throughput load.
 */
async function paced(origin: string, pathname: string, headers: Record<string, string>): Promise<number[]> {
  const pool = new Pool(origin, { connections: 16 });
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < PACED_RATE * PACED_SECONDS; i++) {
    const wait = start + (i * 1000) / PACED_RATE - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    pending.push(
      pool.request({ path: pathname, method: 'GET', headers }).then(async (response) => {
        await response.body.dump();
        if (i >= PACED_RATE) latencies.push(performance.now() - t0); // the first second warms up
      }),
    );
  }
  await Promise.all(pending);
  await pool.close();
  return latencies.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  console.log(`Gateway benchmark on ${os.cpus().length} cores: ${CONCURRENCY} clients, ${SECONDS} s per target after 2 s warm-up`);
  const pg = await startEmbeddedPostgres();
  const broker = await spawnBrokerProcess(['--partitions', '3']);
  const secret = randomBytes(32).toString('hex');
  const [siapPort, gatewayPort] = [await freePort(), await freePort()];
  const siap = spawnService('apps/siap/src/main.ts', { PORT: String(siapPort), DATABASE_URL: await ensureDatabase(pg.adminUrl, 'siap'), KAFKA_BROKERS: broker.address, INTERNAL_AUTH_SECRET: secret });
  const gateway = spawnService('apps/gateway/src/main.ts', {
    PORT: String(gatewayPort),
    DATABASE_URL: await ensureDatabase(pg.adminUrl, 'gateway'),
    KAFKA_BROKERS: broker.address,
    INTERNAL_AUTH_SECRET: secret,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_NIP: ADMIN.nip,
    ADMIN_PASSWORD: ADMIN.password,
    SIAP_URL: `http://127.0.0.1:${siapPort}`,
    RATE_LIMIT_PER_ACCOUNT_PER_MINUTE: '100000000',
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000000',
  });
  const gw = `http://127.0.0.1:${gatewayPort}`;
  try {
    await Promise.all([waitUntilReady(`http://127.0.0.1:${siapPort}`), waitUntilReady(gw)]);
    const token = ((await (await fetch(`${gw}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })).json()) as { accessToken: string }).accessToken;
    const bearer = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const post = async (p: string, body: unknown) => {
      const r = await fetch(`${gw}/api/v1/siap${p}`, { method: 'POST', headers: bearer, body: JSON.stringify(body) });
      if (r.status !== 201) throw new Error(`${p}: ${r.status} ${await r.text()}`);
    };
    await post('/units', { code: 'BKD', name: 'Badan Kepegawaian Daerah' });
    await post('/positions', { code: 'BKD-ANALIS', name: 'Analis', type: 'FUNGSIONAL', kelasJabatan: 8, unitCode: 'BKD' });
    await post('/employees', { nip: NIP, name: 'Andi', birthDate: '1990-01-01', sex: 'L', employmentType: 'PNS', golongan: 'III/a', unitCode: 'BKD', positionCode: 'BKD-ANALIS', tmtCpns: '2015-03-01' });

    const pathname = `/api/v1/siap/employees/${NIP}`;
    const identity = await signIdentity({ nip: ADMIN.nip, name: 'Administrator BKD', roles: ['ADMIN_BKD', 'PEGAWAI'], unitCode: 'BKD' }, secret, 3600);
    console.log('Direct to SIAP…');
    const direct = await load(`http://127.0.0.1:${siapPort}`, pathname, { [IDENTITY_HEADER]: identity });
    console.log('Through the gateway…');
    const via = await load(gw, pathname, { authorization: `Bearer ${token}` });

    console.log(`Latency at a steady ${PACED_RATE} requests/s, direct then through the gateway…`);
    const directPaced = await paced(`http://127.0.0.1:${siapPort}`, pathname, { [IDENTITY_HEADER]: identity });
    const viaPaced = await paced(gw, pathname, { authorization: `Bearer ${token}` });

    const ratio = via.rps / direct.rps;
    const addedP99 = percentile(viaPaced, 99) - percentile(directPaced, 99);
    console.log('\n| measure | direct to SIAP | through the gateway | goal | met |\n|---|---|---|---|---|');
    console.log(`| requests/s (${CONCURRENCY} clients, saturated) | ${Math.round(direct.rps).toLocaleString('en-US')} | ${Math.round(via.rps).toLocaleString('en-US')} (${(ratio * 100).toFixed(0)}%) | ≥ 70% | ${ratio >= 0.7 ? 'yes' : 'NO'} |`);
    console.log(`| p99 latency, saturated | ${percentile(direct.latencies, 99).toFixed(2)} ms | ${percentile(via.latencies, 99).toFixed(2)} ms | | |`);
    console.log(`| p50 latency at ${PACED_RATE}/s | ${percentile(directPaced, 50).toFixed(2)} ms | ${percentile(viaPaced, 50).toFixed(2)} ms | | |`);
    console.log(`| p99 latency at ${PACED_RATE}/s | ${percentile(directPaced, 99).toFixed(2)} ms | ${percentile(viaPaced, 99).toFixed(2)} ms (+${addedP99.toFixed(2)} ms) | added ≤ 5 ms | ${addedP99 <= 5 ? 'yes' : 'NO'} |`);
    console.log(`| non-200 answers | ${direct.errors} | ${via.errors} | 0 | ${direct.errors + via.errors === 0 ? 'yes' : 'NO'} |`);
  } finally {
    for (const child of [gateway, siap]) child.kill('SIGTERM');
    await Promise.all([exited(gateway), exited(siap)]);
    broker.child.kill('SIGTERM');
    await exited(broker.child);
    await pg.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
