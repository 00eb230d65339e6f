/**
 * `npm run bench:trk`: the last hour before TRK's 16:00 cut-off. 36,005 employees (Jabar's head count)
 * each enter 5 activities of the day through the gateway (180,025 entries, 4 from their position's
 * catalogue and one in their own words), from 200 concurrent clients each sending the next as soon as
 * the last is answered; then 3,600 atasan clear their inbox in bulk (BKD clears the OPD heads', whose
 * atasan is outside the platform); then, days later, BKD closes the month: one score per employee,
 * published. TRK runs with its clock set to 15:00 WITA on the last working day of last month, whatever
 * the machine's time, and with the real clock for the close. Every piece runs in its own process, as
 * with `npm start`. Goals: ≥ 1,500 entries/s with p99 ≤ 150 ms and nothing lost; the bulk
 * verification ≤ 60 s; the close ≤ 10 s. BENCH_PROFILE_DIR=dir writes a CPU profile of each service.
 *
 * Beside each figure, a calibration of the same shape measured in the same run, and the ratio to it:
 * the same requests answered by a bare Fastify app for the HTTP figures, raw PostgreSQL transactions
 * of rows and outbox events (one per entry; a team's worth per verification; 1,000 per close step).
 * BENCH_EMPLOYEES, BENCH_ATASAN, BENCH_CLIENTS, BENCH_WARM_UP and BENCH_CALIBRATION_SECONDS size the run.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { Pool } from 'undici';
import { upstreamSettings } from '@app/service-kit/service-descriptor';
// Tooling, not a service: the bench mints the access tokens a login would give, with the gateway's own code and key.
import { AccessTokens, type Role } from '@app/auth';
import {
  closedLoop,
  countEvents,
  cpuMeter,
  cpuSpent,
  describePgCalibration,
  ensureDatabase,
  exited,
  fmt,
  freePort,
  openBenchSessions,
  percentile,
  pgWriteCalibration,
  printTable,
  ratio,
  spawnBrokerProcess,
  spawnService,
  startBareFastify,
  startEmbeddedPostgres,
  waitFor,
  waitUntilReady,
  type HttpShot,
  type LoadResult,
} from '@app/testing';
import { SERVICES } from '../../registry';
import { demoEmployee } from '../../../scripts/demo/sulteng-organisation';
import { seedDemo } from '../../../scripts/seed';
import { benchOrganisation } from './bench-organisation';
import { verifyInboxes, type InboxRun } from './verify-inboxes';

const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 36_005);
const ATASAN = Number(process.env.BENCH_ATASAN ?? 3_600);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const PER_EMPLOYEE = 5;
const ENTRIES = EMPLOYEES * PER_EMPLOYEE;
const WARM_UP = Math.min(EMPLOYEES, Number(process.env.BENCH_WARM_UP ?? 5000));
const CALIBRATION_SECONDS = Number(process.env.BENCH_CALIBRATION_SECONDS ?? 5);
const ADMIN = { nip: '196608011988031001', password: 'Bench-Admin-2026' };
/** Employees per step of TRK's month close, which its calibration writes alike. */
const CLOSE_BATCH = 1000;
const ENTRY_PATH = '/api/v1/trk/activities';
const TYPES = ['STRUKTURAL', 'FUNGSIONAL', 'PELAKSANA'] as const;
const elapsed = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const day = lastWorkingDayOfLastMonth();
  console.log(
    `TRK's last hour before the cut-off on ${os.cpus().length} cores: ${fmt(EMPLOYEES)} employees × ${PER_EMPLOYEE} activities, ${CLIENTS} clients, through the gateway; TRK's clock at ${day}T15:00 WITA`,
  );
  const pg = await startEmbeddedPostgres();
  const broker = await spawnBrokerProcess(['--partitions', '3']);
  const secret = randomBytes(32).toString('hex');
  const jwtSecret = randomBytes(32).toString('hex');
  const [siapPort, trkPort, gatewayPort, nobodyPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const trkDbUrl = await ensureDatabase(pg.adminUrl, 'trk');
  const gatewayDbUrl = await ensureDatabase(pg.adminUrl, 'gateway');
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-trk-files-'));
  const common = { KAFKA_BROKERS: broker.address, INTERNAL_AUTH_SECRET: secret };
  const trkEnv = { ...common, PORT: String(trkPort), DATABASE_URL: trkDbUrl, FILES_DIR: filesDir };
  const port = (name: string) => ({ siap: siapPort, trk: trkPort })[name] ?? nobodyPort;
  const children: ChildProcess[] = [
    spawnService('apps/siap/src/main.ts', { ...common, PORT: String(siapPort), DATABASE_URL: await ensureDatabase(pg.adminUrl, 'siap') }),
    spawnService('apps/trk/bench/trk-on-bench-clock.ts', { ...trkEnv, BENCH_CLOCK_AT: `${day}T15:00:00+08:00` }),
    spawnService('apps/gateway/src/main.ts', {
      ...common,
      PORT: String(gatewayPort),
      DATABASE_URL: gatewayDbUrl,
      JWT_SECRET: jwtSecret,
      ADMIN_NIP: ADMIN.nip,
      ADMIN_PASSWORD: ADMIN.password,
      // K-Mob is not part of this run; its routes lead nowhere.
      ...upstreamSettings(SERVICES, (s) => `http://127.0.0.1:${port(s.name)}`),
      // 36,005 phones arrive from many addresses; here they share one.
      RATE_LIMIT_PER_ACCOUNT_PER_MINUTE: '100000000',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000000',
    }),
  ];
  const gw = `http://127.0.0.1:${gatewayPort}`;
  const trkDb = new Client({ connectionString: trkDbUrl });
  const stopBare: (() => Promise<void>)[] = [];
  try {
    await Promise.all([siapPort, trkPort, gatewayPort].map((p) => waitUntilReady(`http://127.0.0.1:${p}`)));
    await trkDb.connect();
    const organisation = benchOrganisation(EMPLOYEES, ATASAN);
    let t0 = performance.now();
    await seedDemo(gw, ADMIN, EMPLOYEES, (m) => (m.includes('import running') ? undefined : console.log(m)), { organisation, offices: false });
    console.log(`seeded SIAP in ${elapsed(t0)}; waiting for TRK's projection…`);
    t0 = performance.now();
    await waitFor(
      async () => (await trkDb.query('SELECT count(*)::int AS n FROM employee')).rows[0].n >= EMPLOYEES,
      'TRK to project every employee',
      300_000,
      500,
    );
    console.log(`TRK projected ${fmt(EMPLOYEES)} employees in ${elapsed(t0)}`);

    const tokens = new AccessTokens('k1', jwtSecret, new Map(), 3600);
    const sessions = await openBenchSessions(gatewayDbUrl, EMPLOYEES + 1);
    const adminHeaders = {
      authorization: `Bearer ${await tokens.issue({ nip: ADMIN.nip, name: 'Administrator BKD', roles: ['ADMIN_BKD', 'PEGAWAI'], unitCode: 'BKD', sessionId: sessions.get(ADMIN.nip)!, epoch: 1 })}`,
      'content-type': 'application/json',
    };
    await putCatalogue(gw, adminHeaders);
    const people = await Promise.all(
      Array.from({ length: EMPLOYEES }, async (_, i) => {
        const e = demoEmployee(i, organisation.employeePositions);
        const roles: Role[] = i < organisation.atasan ? ['PEGAWAI', 'ATASAN'] : ['PEGAWAI'];
        const token = await tokens.issue({ nip: e.nip, name: e.name, roles, unitCode: e.unitCode, sessionId: sessions.get(e.nip)!, epoch: 1 });
        return { type: organisation.employeePositions[i].type, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } };
      }),
    );
    // Entry k of every employee before entry k + 1 of anyone: an employee's five never race each other.
    const entry = (j: number): HttpShot => {
      const person = people[j % EMPLOYEES];
      return { method: 'POST', path: ENTRY_PATH, headers: person.headers, body: entryBody(day, person.type, Math.floor(j / EMPLOYEES)) };
    };
    // Servers an hour before the cut-off have been up all day: warm this run's processes with entries
    // refused for a date outside any window, which write nothing.
    const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const warmUp = (i: number): HttpShot => ({ ...entry(i), body: entryBody(dayBefore, people[i].type, 0) });
    console.log(`warm-up: ${fmt(WARM_UP)} entries refused for a day already closed for entry…`);
    const warm = await closedLoop(gw, warmUp, { clients: CLIENTS, count: WARM_UP, expected: 422 });
    if (warm.failures.size > 0) throw new Error(`warm-up: unexpected answers ${JSON.stringify([...warm.failures])}`);

    const bare = await startBareFastify();
    stopBare.push(() => bare.stop());
    console.log(`calibration: the same ${fmt(ENTRIES)} entries from ${CLIENTS} clients to a bare Fastify app (after ${fmt(WARM_UP)} to warm it up)…`);
    await closedLoop(bare.origin, warmUp, { clients: CLIENTS, count: WARM_UP, expected: 201 });
    const rushCalibration = await closedLoop(bare.origin, entry, { clients: CLIENTS, count: ENTRIES, expected: 201 });
    console.log(`rush: ${fmt(ENTRIES)} entries from ${CLIENTS} clients, each sending the next as soon as its last is answered…`);
    const meter = await cpuMeter({ gateway: children[2].pid!, trk: children[1].pid!, siap: children[0].pid!, broker: broker.child.pid! }, pg.adminUrl);
    const cpuBefore = meter?.sample();
    const transactionsBefore = await transactions(trkDb);
    const rush = await closedLoop(gw, entry, { clients: CLIENTS, count: ENTRIES, expected: 201, progress: true });
    const rushCpu = meter && cpuBefore ? cpuSpent(cpuBefore, meter.sample()) : null;
    const rushTransactions = (await transactions(trkDb)) - transactionsBefore;
    console.log(`TRK's database committed ${fmt(rushTransactions)} transactions during the rush: ${(rushTransactions / ENTRIES).toFixed(2)} an entry`);
    console.log(`calibration: raw PostgreSQL, one entry-like row and one outbox event per transaction, ${CLIENTS} clients, ${CALIBRATION_SECONDS} s…`);
    const entryCalibration = await pgWriteCalibration(pg.adminUrl, { clients: CLIENTS, seconds: CALIBRATION_SECONDS });
    console.log(`  ${describePgCalibration(entryCalibration)}`);
    const stored = (
      await trkDb.query(`SELECT count(*)::int AS n, count(DISTINCT (nip, minutes, coalesce(catalogue_code, description)))::int AS distinct FROM activity`)
    ).rows[0] as { n: number; distinct: number };

    // BKD opens its inbox while everything is still pending: the province-wide query, at its largest.
    const bkdInbox = await timeInbox(gw, adminHeaders);
    const atasanHeaders = people.slice(0, organisation.atasan).map((p) => p.headers);
    console.log(
      `verification: ${fmt(atasanHeaders.length)} atasan, ${CLIENTS} at a time, each reading their inbox and approving it in bulk; then BKD the OPD heads'…`,
    );
    const inboxes = await verifyInboxes(gw, [...atasanHeaders, adminHeaders], CLIENTS);
    const teamSize = Math.max(1, Math.round(inboxes.verified / Math.max(1, inboxes.inboxes)));
    console.log(
      `calibration: raw PostgreSQL, ${teamSize} rows and their outbox events per transaction (a team's entries), ${CLIENTS} clients, ${CALIBRATION_SECONDS} s…`,
    );
    const verifyCalibration = await pgWriteCalibration(pg.adminUrl, { clients: CLIENTS, rowsPerTransaction: teamSize, seconds: CALIBRATION_SECONDS });
    console.log(`  ${describePgCalibration(verifyCalibration)}`);
    const decided = (await trkDb.query(`SELECT count(*) FILTER (WHERE status = 'APPROVED')::int AS n FROM activity`)).rows[0].n as number;

    console.log('verifying delivery: reading trk.activity.v1 with a fresh consumer group…');
    const activityEvents = await countEvents(broker.address, 'trk.activity.v1', 2 * ENTRIES);

    // Days later, with the real clock: last month has ended, so BKD may close it.
    const trk = children[1];
    trk.kill('SIGTERM');
    await exited(trk);
    children[1] = spawnService('apps/trk/src/main.ts', trkEnv);
    await waitUntilReady(`http://127.0.0.1:${trkPort}`);
    const closing = await closeMonth(gw, adminHeaders, day.slice(0, 7));
    console.log(`calibration: raw PostgreSQL, ${CLOSE_BATCH} rows and their outbox events per transaction, one client, ${CALIBRATION_SECONDS} s…`);
    const closeCalibration = await pgWriteCalibration(pg.adminUrl, { clients: 1, rowsPerTransaction: CLOSE_BATCH, seconds: CALIBRATION_SECONDS });
    console.log(`  ${describePgCalibration(closeCalibration)}`);
    const scoreEvents = await countEvents(broker.address, 'trk.performance.v1', EMPLOYEES);

    if (rushCpu) printCpu(rushCpu, rush);
    report({
      rush,
      rushCalibration,
      entryCalibration,
      stored,
      bkdInbox,
      inboxes,
      verifyCalibration,
      decided,
      activityEvents,
      closing,
      closeCalibration,
      scoreEvents,
    });
  } finally {
    for (const stop of stopBare) await stop();
    await trkDb.end().catch(() => undefined);
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map(exited));
    broker.child.kill('SIGTERM');
    await exited(broker.child);
    await pg.stop();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}

interface Figures {
  rush: LoadResult;
  rushCalibration: LoadResult;
  entryCalibration: Awaited<ReturnType<typeof pgWriteCalibration>>;
  stored: { n: number; distinct: number };
  bkdInbox: { ms: number[]; entries: number };
  inboxes: InboxRun;
  verifyCalibration: Awaited<ReturnType<typeof pgWriteCalibration>>;
  decided: number;
  activityEvents: Map<string, number>;
  closing: { published: number; seconds: number };
  closeCalibration: Awaited<ReturnType<typeof pgWriteCalibration>>;
  scoreEvents: Map<string, number>;
}

function report(f: Figures): void {
  const ok = (b: boolean) => (b ? 'yes' : 'NO');
  const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} ms`;
  const sec = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)} s`;
  const perSecond = (v: number) => `${fmt(v)}/s`;
  const vs = (figure: number, calibration: number, show: (v: number) => string) => [show(figure), show(calibration), ratio(figure, calibration)];
  const refused = (r: { failures: Map<number, number> }) => [...r.failures].map(([status, n]) => `${n}× ${status}`).join(', ') || '0';
  const none = ['', ''];
  const entrySeconds = ENTRIES / f.entryCalibration.transactionsPerSecond;
  const verifySeconds = ENTRIES / f.verifyCalibration.rowsPerSecond;
  const closeSeconds = EMPLOYEES / f.closeCalibration.rowsPerSecond;
  const p99 = percentile(f.rush.latencies, 99);
  const recorded = f.activityEvents.get('trk.activity.recorded') ?? 0;
  const verified = f.activityEvents.get('trk.activity.verified') ?? 0;
  const closed = f.scoreEvents.get('trk.performance.month-closed') ?? 0;
  printTable(
    ['measure', 'figure', 'calibration', 'ratio', 'goal', 'met'],
    [
      [`entries: total time for ${fmt(ENTRIES)} (calibration: raw PostgreSQL)`, ...vs(f.rush.seconds, entrySeconds, sec), '', ''],
      [
        'entries: throughput (calibration: bare Fastify)',
        ...vs(f.rush.perSecond, f.rushCalibration.perSecond, perSecond),
        '≥ 1,500/s',
        ok(f.rush.perSecond >= 1500),
      ],
      ['entries: latency p50 (calibration: bare Fastify)', ...vs(percentile(f.rush.latencies, 50), percentile(f.rushCalibration.latencies, 50), ms), '', ''],
      ['entries: latency p99 (calibration: bare Fastify)', ...vs(p99, percentile(f.rushCalibration.latencies, 99), ms), '≤ 150 ms', ok(p99 <= 150)],
      ['entries: refused or failed', refused(f.rush), refused(f.rushCalibration), '', '0', ok(f.rush.failures.size === 0)],
      [
        'entries stored (distinct)',
        `${fmt(f.stored.n)} (${fmt(f.stored.distinct)})`,
        ...none,
        fmt(ENTRIES),
        ok(f.stored.n === ENTRIES && f.stored.distinct === ENTRIES),
      ],
      ['entry events delivered (distinct)', fmt(recorded), ...none, fmt(ENTRIES), ok(recorded === ENTRIES)],
      [
        `BKD's inbox with ${fmt(ENTRIES)} pending province-wide (${fmt(f.bkdInbox.entries)} its own), median of 3 (max)`,
        `${ms(percentile(f.bkdInbox.ms, 50))} (${ms(f.bkdInbox.ms.at(-1)!)})`,
        ...none,
        '',
        '',
      ],
      [
        `verification: ${fmt(f.inboxes.inboxes)} inboxes cleared in bulk (calibration: raw PostgreSQL)`,
        ...vs(f.inboxes.seconds, verifySeconds, sec),
        '≤ 60 s',
        ok(f.inboxes.seconds <= 60),
      ],
      [
        'verification: per inbox, read and decided, p50 / p99',
        `${ms(percentile(f.inboxes.latencies, 50))} / ${ms(percentile(f.inboxes.latencies, 99))}`,
        ...none,
        '',
        '',
      ],
      ['verification: refused or failed', refused(f.inboxes), ...none, '0', ok(f.inboxes.failures.size === 0)],
      [
        'entries approved (stored / answered)',
        `${fmt(f.decided)} / ${fmt(f.inboxes.verified)}`,
        ...none,
        fmt(ENTRIES),
        ok(f.decided === ENTRIES && f.inboxes.verified === ENTRIES),
      ],
      ['verification events delivered (distinct)', fmt(verified), ...none, fmt(ENTRIES), ok(verified === ENTRIES)],
      [
        `month close: ${fmt(f.closing.published)} scores published (calibration: raw PostgreSQL)`,
        ...vs(f.closing.seconds, closeSeconds, sec),
        '≤ 10 s',
        ok(f.closing.seconds <= 10),
      ],
      ['month-closed events delivered (distinct)', fmt(closed), ...none, fmt(EMPLOYEES), ok(closed === EMPLOYEES && f.closing.published === EMPLOYEES)],
    ],
  );
  console.log(
    `calibration, measured in this run next to each figure: bare Fastify = the same requests (same client code, ${CLIENTS} clients back to back) answered by a bare Fastify app in its own process; raw PostgreSQL = \`pg\` transactions on the same server, each INSERTing rows and as many outbox-like events: one per transaction from ${CLIENTS} clients for the entries, ${f.verifyCalibration.rowsPerTransaction} (a team's entries) from ${CLIENTS} clients for the verification, ${CLOSE_BATCH} from one client for the close (the time for as many rows as the figure's); ratio = figure ÷ calibration, which compares across machines where the absolute figures do not.`,
  );
}

/** Transactions committed in TRK's database so far (a statement outside a transaction is one). */
async function transactions(db: Client): Promise<number> {
  return Number((await db.query('SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()')).rows[0].xact_commit);
}

/** Where the rush's CPU went: milliseconds per entry in each process, and the share of the machine's cores they kept busy. */
function printCpu(spent: Map<string, number>, rush: LoadResult): void {
  const cores = os.cpus().length;
  const parts = [...spent].sort((a, b) => b[1] - a[1]).map(([name, seconds]) => `${name} ${((seconds * 1000) / rush.requests).toFixed(2)} ms`);
  const total = [...spent.values()].reduce((a, b) => a + b, 0);
  console.log(
    `CPU per entry during the rush: ${parts.join(', ')}; ${((total * 1000) / rush.requests).toFixed(2)} ms in all, ${Math.round((100 * total) / (rush.seconds * cores))}% of ${cores} cores`,
  );
}

/** BKD's inbox read three times: how long each took, and how many entries it held. */
async function timeInbox(gw: string, headers: Record<string, string>): Promise<{ ms: number[]; entries: number }> {
  const ms: number[] = [];
  let entries = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const response = await fetch(`${gw}/api/v1/trk/activities/pending`, { headers: { authorization: headers.authorization } });
    entries = ((await response.json()) as unknown[]).length;
    ms.push(performance.now() - t);
  }
  return { ms: ms.sort((a, b) => a - b), entries };
}

/** Four activities for each SIAP position type, 60 standard minutes each, no evidence required. */
async function putCatalogue(gw: string, headers: Record<string, string>): Promise<void> {
  for (const type of TYPES)
    for (let k = 1; k <= 4; k++) {
      const response = await fetch(`${gw}/api/v1/trk/catalogue/BENCH-${type}-${k}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({
          name: `Kegiatan ${k} jabatan ${type.toLowerCase()}`,
          outputUnit: 'dokumen',
          standardMinutes: 60,
          evidenceRequired: false,
          positionType: type,
        }),
      });
      if (response.status !== 200) throw new Error(`catalogue BENCH-${type}-${k}: ${response.status} ${await response.text()}`);
    }
}

/** Entry `k` (0–4) of a day: four from the catalogue, the last in the employee's words; 270 minutes in all. */
function entryBody(date: string, type: string, k: number): string {
  return k < 4
    ? JSON.stringify({ date, catalogueCode: `BENCH-${type}-${k + 1}`, quantity: 1, minutes: 45 + 5 * k })
    : JSON.stringify({ date, description: 'Koordinasi tindak lanjut hasil rapat dengan bidang terkait', quantity: 1, minutes: 60 });
}

/**
 * The last Monday–Friday of last month (WITA) that is not in TRK's seeded holidays: the day the rush
 * happens on, in a month that has ended so that it can be closed.
 */
function lastWorkingDayOfLastMonth(): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const holidaysFile = path.join(__dirname, `../src/rules/seed/holidays-${day.getUTCFullYear()}.json`);
  const holidays = new Set(
    fs.existsSync(holidaysFile) ? (JSON.parse(fs.readFileSync(holidaysFile, 'utf8')) as { days: { date: string }[] }).days.map((d) => d.date) : [],
  );
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6 || holidays.has(day.toISOString().slice(0, 10))) day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** Closes `month` as BKD, following the job until it ends: polled often so the time is not rounded up to the next poll. */
async function closeMonth(gw: string, headers: Record<string, string>, month: string): Promise<{ published: number; seconds: number }> {
  console.log(`closing ${month} for every employee…`);
  const pool = new Pool(gw, { connections: 1 });
  const call = async (method: 'GET' | 'POST', p: string) => {
    const response = await pool.request({
      method,
      path: `/api/v1/trk${p}`,
      headers: method === 'GET' ? { authorization: headers.authorization } : headers,
      body: method === 'POST' ? '{}' : undefined,
    });
    const body = (await response.body.json()) as unknown;
    if (response.statusCode >= 300) throw new Error(`${method} ${p}: ${response.statusCode} ${JSON.stringify(body)}`);
    return body;
  };
  const t0 = performance.now();
  try {
    const started = (await call('POST', `/months/${month}/close`)) as { id: string };
    let reported = t0;
    for (;;) {
      const run = (await call('GET', `/jobs/${started.id}`)) as { status: string; progress: { processed: number; total: number; published: number } };
      if (run.status === 'DONE' || run.status === 'FAILED') return { published: run.progress.published, seconds: (performance.now() - t0) / 1000 };
      if (performance.now() - reported >= 2000) {
        reported = performance.now();
        console.log(`  ${run.status.toLowerCase()} ${fmt(run.progress.processed)} / ${fmt(run.progress.total)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await pool.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
