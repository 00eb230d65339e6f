/**
 * `npm run bench:kmob`: the morning rush. 36,005 distinct employees (Jabar's head count in K-Mob's live
 * recap of May 2021) check in through the gateway from 200 concurrent clients, each inside their OPD's
 * geofence and each client sending its next as soon as the last is answered, after a warm-up of 5,000
 * check-ins refused for a mocked location (servers at 07:00 have been up for hours). Then the same
 * employees check out arriving at a steady 850/s (open loop): the latency a phone sees when the rush
 * comes at the rate the goal asks for. Then: is every check-in stored and every event delivered, how
 * fast is the live recap over them, and how long does closing last month take. Every piece runs in its
 * own process, as with `npm start`. Goals: all within 45 s (≥ 800/s), p99 < 150 ms, nothing lost,
 * recap < 300 ms. BENCH_PROFILE_DIR=dir writes a CPU profile of each service.
 */
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Pool } from 'undici';
// Tooling, not a service: the bench mints the access tokens a login would give, with the gateway's own
// code and key, so 36,005 argon2 logins do not dominate the run.
import { AccessTokens } from '../../gateway/src/accounts/access-tokens';
import { exited, spawnBrokerProcess } from '../../../libs/kafka-broker/test/support/broker-process';
import { ensureDatabase, freePort, percentile, spawnService, startEmbeddedPostgres, waitFor, waitUntilReady } from '../../../libs/testing/src';
import { demoEmployee, demoOffices, demoOrganisation } from '../../../scripts/demo/sulteng-organisation';
import { seedDemo } from '../../../scripts/seed';

const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 36_005);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
/** 36,005 in 45 s is 800/s; the paced phase runs a little above it. */
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 850);
const WARM_UP = Math.min(EMPLOYEES, Number(process.env.BENCH_WARM_UP ?? 5000));
const ADMIN = { nip: '196608011988031001', password: 'Bench-Admin-2026' };

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const elapsed = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  console.log(`K-Mob morning rush on ${os.cpus().length} cores: ${fmt(EMPLOYEES)} employees, ${CLIENTS} concurrent clients, through the gateway`);
  const pg = await startEmbeddedPostgres();
  const broker = await spawnBrokerProcess(['--partitions', '3']);
  const secret = randomBytes(32).toString('hex');
  const jwtSecret = randomBytes(32).toString('hex');
  const [siapPort, kmobPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
  const kmobDbUrl = await ensureDatabase(pg.adminUrl, 'kmob');
  const gatewayDbUrl = await ensureDatabase(pg.adminUrl, 'gateway');
  const common = { KAFKA_BROKERS: broker.address, INTERNAL_AUTH_SECRET: secret };
  const children = [
    spawnService('apps/siap/src/main.ts', { ...common, PORT: String(siapPort), DATABASE_URL: await ensureDatabase(pg.adminUrl, 'siap') }),
    spawnService('apps/kmob/src/main.ts', { ...common, PORT: String(kmobPort), DATABASE_URL: kmobDbUrl }),
    spawnService('apps/gateway/src/main.ts', {
      ...common,
      PORT: String(gatewayPort),
      DATABASE_URL: gatewayDbUrl,
      JWT_SECRET: jwtSecret,
      ADMIN_NIP: ADMIN.nip,
      ADMIN_PASSWORD: ADMIN.password,
      SIAP_URL: `http://127.0.0.1:${siapPort}`,
      KMOB_URL: `http://127.0.0.1:${kmobPort}`,
      // 36,005 phones arrive from many addresses; here they share one.
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000000',
    }),
  ];
  const gw = `http://127.0.0.1:${gatewayPort}`;
  const kmobDb = new Client({ connectionString: kmobDbUrl });
  try {
    await Promise.all([siapPort, kmobPort, gatewayPort].map((port) => waitUntilReady(`http://127.0.0.1:${port}`)));
    await kmobDb.connect();
    let t0 = performance.now();
    await seedDemo(gw, ADMIN, EMPLOYEES, (m) => (m.includes('import running') ? undefined : console.log(m)));
    console.log(`seeded SIAP in ${elapsed(t0)}; waiting for K-Mob's projection…`);
    t0 = performance.now();
    await waitFor(async () => (await kmobDb.query('SELECT count(*)::int AS n FROM employee')).rows[0].n >= EMPLOYEES, 'K-Mob to project every employee', 300_000, 500);
    console.log(`K-Mob projected ${fmt(EMPLOYEES)} employees in ${elapsed(t0)}`);

    const tokens = new AccessTokens('k1', jwtSecret, new Map(), 3600);
    const sessions = await openSessions(gatewayDbUrl);
    const people = await employeesAtTheirOffices(tokens, sessions);

    // Servers at 07:00 have been up for hours: warm this run's processes (JIT, connections, prepared
    // statements) with check-ins refused for a mocked location, which write nothing.
    const warmUp = people.slice(0, WARM_UP).map((p) => ({ headers: p.headers, body: JSON.stringify({ ...JSON.parse(p.body('IN')), mocked: true }) }));
    console.log(`warm-up: ${fmt(warmUp.length)} check-ins refused for a mocked location…`);
    const warm = await closedLoop(gw, warmUp, 422);
    if (warm.failures.size > 0) throw new Error(`warm-up: unexpected answers ${JSON.stringify([...warm.failures])}`);

    console.log(`rush: ${fmt(EMPLOYEES)} check-ins from ${CLIENTS} clients, each sending the next as soon as its last is answered…`);
    const rush = await closedLoop(gw, people.map((p) => ({ headers: p.headers, body: p.body('IN') })));
    console.log(`evening: ${fmt(EMPLOYEES)} check-outs arriving at a steady ${PACED_RATE}/s (the rate the 45 s goal needs), up to ${CLIENTS} in flight…`);
    const evening = await paced(gw, people.map((p) => ({ headers: p.headers, body: p.body('OUT') })));

    const stored = (await kmobDb.query(`SELECT count(*)::int AS n, count(DISTINCT (nip, type))::int AS distinct FROM check_in WHERE source = 'MOBILE'`)).rows[0] as { n: number; distinct: number };
    console.log('verifying delivery: reading kmob.attendance.v1 with a fresh consumer group…');
    const delivered = await countDelivered(broker.address, 2 * EMPLOYEES);

    const recapTimes: number[] = [];
    let recap: { total: Record<string, number> } | null = null;
    const adminToken = await tokens.issue({ nip: ADMIN.nip, name: 'Administrator BKD', roles: ['ADMIN_BKD', 'PEGAWAI'], unitCode: 'BKD', sessionId: sessions.get(ADMIN.nip)!, epoch: 1 });
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const response = await fetch(`${gw}/api/v1/kmob/recap`, { headers: { authorization: `Bearer ${adminToken}` } });
      recap = (await response.json()) as { total: Record<string, number> };
      recapTimes.push(performance.now() - t);
    }
    recapTimes.sort((a, b) => a - b);
    const inRecap = recap ? recap.total.present + recap.total.late : 0;

    const closing = await closePreviousMonth(gw, adminToken);

    const ok = (b: boolean) => (b ? 'yes' : 'NO');
    const refused = (r: RunResult) => [...r.failures].map(([status, n]) => `${n}× ${status}`).join(', ') || '0';
    console.log(`\n| measure | morning rush: ${CLIENTS} clients, back to back | check-outs paced at ${PACED_RATE}/s | goal | met |\n|---|---|---|---|---|`);
    console.log(`| total time for ${fmt(EMPLOYEES)} | ${rush.seconds.toFixed(1)} s | ${evening.seconds.toFixed(1)} s | ≤ 45 s | ${ok(rush.seconds <= 45)} |`);
    console.log(`| throughput | ${fmt(EMPLOYEES / rush.seconds)}/s | ${fmt(EMPLOYEES / evening.seconds)}/s | ≥ 800/s | ${ok(EMPLOYEES / rush.seconds >= 800)} |`);
    console.log(`| latency p50 | ${percentile(rush.latencies, 50).toFixed(1)} ms | ${percentile(evening.latencies, 50).toFixed(1)} ms | | |`);
    console.log(`| latency p99 | ${percentile(rush.latencies, 99).toFixed(1)} ms | ${percentile(evening.latencies, 99).toFixed(1)} ms | < 150 ms | ${ok(percentile(rush.latencies, 99) < 150)} / ${ok(percentile(evening.latencies, 99) < 150)} |`);
    console.log(`| refused or failed | ${refused(rush)} | ${refused(evening)} | 0 | ${ok(rush.failures.size + evening.failures.size === 0)} |`);
    console.log(`| check-ins stored (distinct NIP and type) | ${fmt(stored.n)} (${fmt(stored.distinct)}) | | ${fmt(2 * EMPLOYEES)} | ${ok(stored.n === 2 * EMPLOYEES && stored.distinct === 2 * EMPLOYEES)} |`);
    console.log(`| check-in events delivered (distinct) | ${fmt(delivered)} | | ${fmt(2 * EMPLOYEES)} | ${ok(delivered === 2 * EMPLOYEES)} |`);
    console.log(`| live recap, median of 7 (max) | ${percentile(recapTimes, 50).toFixed(1)} ms (${recapTimes.at(-1)!.toFixed(1)} ms) | | < 300 ms | ${ok(recapTimes.at(-1)! < 300)} |`);
    console.log(`| recap counts in (present + late) | ${fmt(inRecap)} | | ${fmt(EMPLOYEES)} | ${ok(inRecap === EMPLOYEES)} |`);
    console.log(`| closing ${closing.month}: summaries published | ${fmt(closing.published)} in ${closing.seconds.toFixed(1)} s | | ${fmt(EMPLOYEES)} | ${ok(closing.published === EMPLOYEES)} |`);
  } finally {
    await kmobDb.end().catch(() => undefined);
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map(exited));
    broker.child.kill('SIGTERM');
    await exited(broker.child);
    await pg.stop();
  }
}

/** Closes last month (every employee was in service, none checked in: all TK) and follows the run. */
async function closePreviousMonth(gw: string, adminToken: string): Promise<{ month: string; published: number; seconds: number }> {
  const now = new Date(Date.now() + 8 * 3600_000);
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const headers = { authorization: `Bearer ${adminToken}` };
  console.log(`closing ${month} for every employee…`);
  const t0 = performance.now();
  const started = (await (await fetch(`${gw}/api/v1/kmob/months/${month}/close`, { method: 'POST', headers })).json()) as { id: string };
  for (;;) {
    const run = (await (await fetch(`${gw}/api/v1/kmob/months/${month}/close/${started.id}`, { headers })).json()) as { status: string; processed: number; totalEmployees: number; published: number };
    if (run.status === 'DONE' || run.status === 'FAILED') return { month, published: run.published, seconds: (performance.now() - t0) / 1000 };
    console.log(`  ${run.status.toLowerCase()} ${fmt(run.processed)} / ${fmt(run.totalEmployees)}`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

interface Shot {
  headers: Record<string, string>;
  body: string;
}

interface RunResult {
  seconds: number;
  /** Sorted, in ms. */
  latencies: number[];
  failures: Map<number, number>;
}

/** Every employee with an access token and a fix within 50 m of their OPD's office, at the accuracy phones report indoors. */
/**
 * What 36,005 logins would leave in the gateway's database: every account active with one session
 * (the tokens are minted here instead of running 36,005 argon2 logins).
 */
async function openSessions(gatewayDbUrl: string): Promise<Map<string, string>> {
  const db = new Client({ connectionString: gatewayDbUrl });
  await db.connect();
  try {
    await waitFor(async () => (await db.query('SELECT count(*)::int AS n FROM account')).rows[0].n > EMPLOYEES, 'the gateway to hold every account', 300_000, 500);
    await db.query(`UPDATE account SET status = 'ACTIVE' WHERE status = 'INACTIVE'`);
    const { rows } = await db.query('INSERT INTO auth_session (nip) SELECT nip FROM account RETURNING id, nip');
    return new Map((rows as { id: string; nip: string }[]).map((r) => [r.nip, r.id]));
  } finally {
    await db.end();
  }
}

async function employeesAtTheirOffices(tokens: AccessTokens, sessions: Map<string, string>) {
  const { staffPositions } = demoOrganisation();
  const offices = new Map(demoOffices().map((o) => [o.unitCode, o]));
  return Promise.all(
    Array.from({ length: EMPLOYEES }, async (_, i) => {
      const e = demoEmployee(i, staffPositions);
      const office = offices.get(e.unitCode.replace(/-(SEKRETARIAT|BIDANG-1|BIDANG-2)$/, ''))!;
      const token = await tokens.issue({ nip: e.nip, name: e.name, roles: ['PEGAWAI'], unitCode: e.unitCode, sessionId: sessions.get(e.nip)!, epoch: 1 });
      const fix = {
        latitude: office.latitude + ((i % 7) - 3) * 0.00012,
        longitude: office.longitude + ((i % 5) - 2) * 0.00012,
        accuracyMeters: 5 + (i % 16),
        mocked: false,
        deviceId: `android-${i.toString(36)}`,
      };
      return { headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: (type: 'IN' | 'OUT') => JSON.stringify({ type, ...fix }) };
    }),
  );
}

async function send(pool: Pool, shot: Shot, failures: Map<number, number>, expected = 201): Promise<void> {
  const response = await pool.request({ path: '/api/v1/kmob/check-ins', method: 'POST', headers: shot.headers, body: shot.body });
  const text = await response.body.text();
  if (response.statusCode !== expected) {
    if (failures.size === 0) console.log(`  first failure: ${response.statusCode} ${text.slice(0, 300)}`);
    failures.set(response.statusCode, (failures.get(response.statusCode) ?? 0) + 1);
  }
}

/** CLIENTS clients, each sending its next request as soon as the last is answered: the fastest the platform can take them. */
async function closedLoop(origin: string, shots: Shot[], expected = 201): Promise<RunResult> {
  const pool = new Pool(origin, { connections: CLIENTS });
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  let next = 0;
  let reported = 0;
  const progress = setInterval(() => {
    const recent = latencies.slice(reported).sort((a, b) => a - b);
    reported = latencies.length;
    console.log(`  ${fmt(latencies.length)} / ${fmt(shots.length)}   last 2 s: p50 ${percentile(recent, 50).toFixed(0)} ms, p99 ${percentile(recent, 99).toFixed(0)} ms`);
  }, 2000);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < shots.length; i = next++) {
        const t = performance.now();
        await send(pool, shots[i], failures, expected);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  clearInterval(progress);
  await pool.close();
  return { seconds, latencies: latencies.sort((a, b) => a - b), failures };
}

/**
 * Requests arriving on a fixed schedule whatever the answers (open loop), at most CLIENTS in flight.
 * Latency runs from the scheduled time, so time spent waiting for a free client is counted too.
 */
async function paced(origin: string, shots: Shot[]): Promise<RunResult> {
  const pool = new Pool(origin, { connections: CLIENTS });
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  const inFlight = new Set<Promise<void>>();
  const progress = setInterval(() => console.log(`  ${fmt(latencies.length)} / ${fmt(shots.length)}`), 5000);
  const start = performance.now();
  for (let i = 0; i < shots.length; i++) {
    const due = start + (i * 1000) / PACED_RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    while (inFlight.size >= CLIENTS) await Promise.race(inFlight);
    const request: Promise<void> = send(pool, shots[i], failures).then(() => {
      latencies.push(performance.now() - due);
      inFlight.delete(request);
    });
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  clearInterval(progress);
  await pool.close();
  return { seconds, latencies: latencies.sort((a, b) => a - b), failures };
}

/** Distinct check-in events on the topic, read from the beginning by a new consumer group. */
async function countDelivered(address: string, expected: number): Promise<number> {
  const consumer = new Kafka({ brokers: [address], clientId: 'kmob-bench', logLevel: logLevel.NOTHING }).consumer({ groupId: `kmob-bench-${Date.now()}` });
  const ids = new Set<string>();
  await consumer.connect();
  await consumer.subscribe({ topic: 'kmob.attendance.v1', fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) if (String(message.headers?.ce_type) === 'kmob.attendance.checked-in') ids.add(String(message.headers?.ce_id));
    },
  });
  await waitFor(() => ids.size >= expected, `${expected} check-in events`, 120_000, 200).catch(() => undefined);
  await consumer.disconnect();
  return ids.size;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
