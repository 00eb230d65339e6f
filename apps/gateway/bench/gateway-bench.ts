/**
 * `npm run bench:gateway`: the reads every phone makes when the portal opens at the 07:30 rush (the
 * pegawai's own profile from SIAP, today's attendance and the atasan's approvals inbox from K-Mob),
 * each with the access token a real login gave, through the gateway and, in the same run, straight to
 * the service with the identity the gateway would sign. Every piece is its own process as in
 * `npm start` (rush-platform.ts). Per read: requests/s with BENCH_CONCURRENCY clients back to back,
 * latency at a steady 100 requests/s each way, where the gateway's added p99 is measured (at saturation
 * latency is only queueing), and where the CPU of each request goes. Goals: ≥ 3,000 requests/s through
 * the gateway, added p99 ≤ 5 ms.
 *
 * Beside each figure, the same load against a bare Fastify app in the same run (the calibration) and
 * the ratio to it: the same bench ran twice as slow on another machine of the same kind, the ratio
 * does not. BENCH_CONCURRENCY and BENCH_SECONDS size the run, BENCH_READS (comma-separated: profile,
 * today, inbox) picks reads, BENCH_PROFILE_DIR=dir writes a CPU profile of each service.
 */
import * as os from 'node:os';
import { IDENTITY_HEADER, signIdentity } from '@app/auth';
import {
  closedLoop,
  cpuMeter,
  cpuSpent,
  fmt,
  paced,
  percentile,
  printTable,
  ratio,
  startBareFastify,
  type BareHttp,
  type CpuMeter,
  type HttpShot,
  type LoadResult,
} from '@app/testing';
import { startRushPlatform, type LoggedIn, type RushPlatform } from './rush-platform';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PACED_RATE = 100;
const PACED_SECONDS = 20;
const GOAL_PER_SECOND = 3000;
const GOAL_ADDED_P99_MS = 5;

/** One read of the rush: who sends it, to which service, and what its answer must hold. */
interface RushRead {
  key: string;
  title: string;
  service: 'siap' | 'kmob';
  path: (p: RushPlatform) => string;
  who: (p: RushPlatform) => LoggedIn;
  check: (body: unknown) => string | null;
}

const READS: RushRead[] = [
  {
    key: 'profile',
    title: 'own profile (SIAP)',
    service: 'siap',
    path: (p) => `/api/v1/siap/employees/${p.pegawai.identity.nip}`,
    who: (p) => p.pegawai,
    check: (b) => (Array.isArray((b as { history?: unknown }).history) ? null : 'no history in the profile'),
  },
  {
    key: 'today',
    title: "today's attendance (K-Mob)",
    service: 'kmob',
    path: () => '/api/v1/kmob/attendance/today',
    who: (p) => p.pegawai,
    check: (b) => ((b as { date?: unknown }).date ? null : 'no date in the day'),
  },
  {
    key: 'inbox',
    title: 'pending approvals (K-Mob)',
    service: 'kmob',
    path: () => '/api/v1/kmob/requests?status=PENDING&decidable=true',
    who: (p) => p.atasan,
    check: (b) => (Array.isArray(b) && b.length === 1 ? null : `the inbox should hold the pegawai's one request: ${JSON.stringify(b).slice(0, 200)}`),
  },
];

/** CONCURRENCY clients issuing the same GET for SECONDS after 2 s of warm-up. */
function load(origin: string, shot: HttpShot): Promise<LoadResult> {
  return closedLoop(origin, () => shot, { clients: CONCURRENCY, seconds: SECONDS, warmUpSeconds: 2 });
}

/**
 * Latency at a steady, unsaturated rate (open loop): at saturation, latency is only queueing, so the
 * added cost of the gateway is measured here rather than under the throughput load. The first second
 * warms up; latency runs from each send. Direct and through the gateway run side by side, so a pause
 * of the machine (another process, a collection) falls on both and the difference is the gateway's.
 */
function steady(origin: string, shot: HttpShot): Promise<LoadResult> {
  return paced(origin, () => shot, { rate: PACED_RATE, count: PACED_RATE * PACED_SECONDS, connections: 16, warmUp: PACED_RATE, from: 'send' });
}

interface Measured {
  read: RushRead;
  direct: LoadResult;
  via: LoadResult;
  directPaced: LoadResult;
  viaPaced: LoadResult;
  /** CPU seconds per process over each throughput load, when measured. */
  directCpu?: Map<string, number>;
  viaCpu?: Map<string, number>;
}

/** A load, with the CPU each process spent on it when a meter is there. */
async function metered(meter: CpuMeter | null, run: () => Promise<LoadResult>): Promise<[LoadResult, Map<string, number> | undefined]> {
  const before = meter?.sample();
  const result = await run();
  return [result, before && cpuSpent(before, meter!.sample())];
}

async function measure(p: RushPlatform, read: RushRead, meter: CpuMeter | null): Promise<Measured> {
  const who = read.who(p);
  const path = read.path(p);
  const toGateway: HttpShot = { path, headers: { authorization: `Bearer ${who.accessToken}` } };
  const toService: HttpShot = { path, headers: { [IDENTITY_HEADER]: await signIdentity(who.identity, p.internalSecret, 3600) } };
  const answer = await fetch(`${p.gateway}${path}`, { headers: toGateway.headers });
  const problem = answer.status === 200 ? read.check(await answer.json()) : `${answer.status} ${await answer.text()}`;
  if (problem) throw new Error(`${read.title}: ${problem}`);
  const service = p[read.service];
  console.log(`${read.title}: direct to ${read.service.toUpperCase()}, then through the gateway, ${CONCURRENCY} clients…`);
  const [direct, directCpu] = await metered(meter, () => load(service, toService));
  const [via, viaCpu] = await metered(meter, () => load(p.gateway, toGateway));
  console.log(`${read.title}: latency at a steady ${PACED_RATE}/s, direct and through the gateway side by side…`);
  const [directPaced, viaPaced] = await Promise.all([steady(service, toService), steady(p.gateway, toGateway)]);
  return { read, direct, via, directPaced, viaPaced, directCpu, viaCpu };
}

async function main(): Promise<void> {
  const picked = (process.env.BENCH_READS ?? READS.map((r) => r.key).join(',')).split(',');
  const reads = READS.filter((r) => picked.includes(r.key));
  console.log(
    `Gateway benchmark on ${os.cpus().length} cores: ${CONCURRENCY} clients, ${SECONDS} s per target after 2 s warm-up; ${reads.map((r) => r.key).join(', ')}`,
  );
  const platform = await startRushPlatform();
  let bare: BareHttp | undefined;
  try {
    bare = await startBareFastify();
    console.log('Calibration: a bare Fastify app, same client, same load, then at a steady rate…');
    const calibrationShot: HttpShot = { path: READS[0].path(platform), headers: { authorization: `Bearer ${platform.pegawai.accessToken}` } };
    const calibration = await load(bare.origin, calibrationShot);
    const calibrationPaced = await steady(bare.origin, calibrationShot);
    await bare.stop();
    bare = undefined;
    const meter = await cpuMeter(platform.pids, platform.pgAdminUrl);
    const results: Measured[] = [];
    for (const read of reads) results.push(await measure(platform, read, meter));
    printResults(results, calibration, calibrationPaced);
    if (meter) printCpu(results);
    for (const note of platform.notes) console.log(`note: ${note}`);
  } finally {
    await bare?.stop();
    await platform.stop();
  }
}

function printResults(results: Measured[], calibration: LoadResult, calibrationPaced: LoadResult): void {
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  const p = (r: LoadResult, q: number) => percentile(r.latencies, q);
  const errors = (r: LoadResult) => [...r.failures.values()].reduce((a, b) => a + b, 0);
  const ok = (b: boolean) => (b ? 'yes' : 'NO');
  /** A row whose three figures (direct, gateway, calibration) are compared as they are. */
  const row = (measure: string, d: number, v: number, c: number, show: (n: number) => string, viaNote = '', goal = '', met = '') => [
    measure,
    show(d),
    `${show(v)}${viaNote}`,
    show(c),
    ratio(d, c),
    ratio(v, c),
    goal,
    met,
  ];
  const rows = results.flatMap(({ read, direct, via, directPaced, viaPaced }) => {
    const added = p(viaPaced, 99) - p(directPaced, 99);
    return [
      row(
        `${read.title}: requests/s (${CONCURRENCY} clients)`,
        direct.perSecond,
        via.perSecond,
        calibration.perSecond,
        fmt,
        ` (${((via.perSecond / direct.perSecond) * 100).toFixed(0)}% of direct)`,
        `≥ ${fmt(GOAL_PER_SECOND)}/s`,
        ok(via.perSecond >= GOAL_PER_SECOND),
      ),
      row(`${read.title}: p99, saturated`, p(direct, 99), p(via, 99), p(calibration, 99), ms),
      row(`${read.title}: p50 at ${PACED_RATE}/s`, p(directPaced, 50), p(viaPaced, 50), p(calibrationPaced, 50), ms),
      row(
        `${read.title}: p99 at ${PACED_RATE}/s`,
        p(directPaced, 99),
        p(viaPaced, 99),
        p(calibrationPaced, 99),
        ms,
        ` (${added >= 0 ? '+' : '−'}${Math.abs(added).toFixed(2)} ms)`,
        `added ≤ ${GOAL_ADDED_P99_MS} ms`,
        ok(added <= GOAL_ADDED_P99_MS),
      ),
    ];
  });
  const failed = (pick: (m: Measured) => LoadResult[]) => results.flatMap(pick).reduce((n, r) => n + errors(r), 0);
  const directErrors = failed((m) => [m.direct, m.directPaced]);
  const viaErrors = failed((m) => [m.via, m.viaPaced]);
  rows.push([
    'non-200 answers',
    fmt(directErrors),
    fmt(viaErrors),
    fmt(errors(calibration) + errors(calibrationPaced)),
    '',
    '',
    '0',
    ok(directErrors + viaErrors === 0),
  ]);
  printTable(['measure', 'direct to the service', 'through the gateway', 'calibration', 'ratio, direct', 'ratio, gateway', 'goal', 'met'], rows);
  console.log(
    'calibration: a bare Fastify app answering a small JSON in a process of its own, under the same client code and load, measured in this run; ratio = figure ÷ calibration (requests/s: higher is better; latency: lower is better). The ratios compare across machines; the absolute figures do not.',
  );
}

/**
 * Where the time goes: CPU per request in each process under the throughput load (its CPU time over
 * the load, warm-up included, divided by the requests that rate gives over the same time).
 */
function printCpu(results: Measured[]): void {
  const processes = ['client', 'gateway', 'siap', 'kmob', 'postgres'];
  const perRequest = (cpu: Map<string, number> | undefined, r: LoadResult, name: string) =>
    cpu ? `${Math.round(((cpu.get(name) ?? 0) / (r.perSecond * (SECONDS + 2))) * 1e6)}` : '—';
  const rows = results.flatMap(({ read, direct, via, directCpu, viaCpu }) => {
    const total = (cpu: Map<string, number> | undefined, r: LoadResult) => processes.reduce((sum, name) => sum + Number(perRequest(cpu, r, name)), 0);
    return [
      [`${read.title}, direct`, ...processes.map((name) => perRequest(directCpu, direct, name)), String(total(directCpu, direct))],
      [`${read.title}, through the gateway`, ...processes.map((name) => perRequest(viaCpu, via, name)), String(total(viaCpu, via))],
    ];
  });
  printTable(['µs of CPU per request', ...processes, 'total'], rows);
  console.log(
    `CPU per request: each process's CPU time (/proc) over the ${CONCURRENCY}-client load and its 2 s warm-up ÷ the requests at the measured rate; this machine has ${os.cpus().length} cores.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
