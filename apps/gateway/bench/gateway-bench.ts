/**
 * `npm run bench:gateway`: an authenticated GET of one employee through the gateway, against the same
 * request straight to SIAP (with the identity the gateway would sign), in the same run. Every piece is
 * its own process as in `npm start`. Goals: ≥ 70% of the direct throughput, added p99 ≤ 5 ms.
 * Beside each figure, the same load against a bare Fastify app in the same run (the calibration) and
 * the ratio to it: the same bench ran twice as slow on another machine of the same kind, the ratio
 * does not. BENCH_CONCURRENCY and BENCH_SECONDS size the run.
 */
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import { IDENTITY_HEADER, signIdentity } from '@app/auth';
import { upstreamSettings } from '@app/service-kit/service-descriptor';
import {
  closedLoop,
  ensureDatabase,
  exited,
  fmt,
  freePort,
  paced,
  percentile,
  printTable,
  ratio,
  spawnBrokerProcess,
  spawnService,
  startBareFastify,
  startEmbeddedPostgres,
  waitUntilReady,
  type BareHttp,
  type HttpShot,
  type LoadResult,
} from '@app/testing';
import { SERVICES } from '../../registry';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PACED_RATE = 100;
const PACED_SECONDS = 6;
const ADMIN = { nip: '196608011988031001', password: 'Bench-Admin-2026' };
const NIP = '199001012015031002';

/** CONCURRENCY clients issuing the same GET for SECONDS after 2 s of warm-up. */
function load(origin: string, shot: HttpShot): Promise<LoadResult> {
  return closedLoop(origin, () => shot, { clients: CONCURRENCY, seconds: SECONDS, warmUpSeconds: 2 });
}

/**
 * Latency at a steady, unsaturated rate (open loop): at saturation, latency is only queueing, so the
 * added cost of the gateway is measured here rather than under the throughput load. The first second
 * warms up; latency runs from each send.
 */
function steady(origin: string, shot: HttpShot): Promise<LoadResult> {
  return paced(origin, () => shot, { rate: PACED_RATE, count: PACED_RATE * PACED_SECONDS, connections: 16, warmUp: PACED_RATE, from: 'send' });
}

async function main(): Promise<void> {
  console.log(`Gateway benchmark on ${os.cpus().length} cores: ${CONCURRENCY} clients, ${SECONDS} s per target after 2 s warm-up`);
  const pg = await startEmbeddedPostgres();
  const broker = await spawnBrokerProcess(['--partitions', '3']);
  const secret = randomBytes(32).toString('hex');
  const [siapPort, gatewayPort] = [await freePort(), await freePort()];
  const siap = spawnService('apps/siap/src/main.ts', {
    PORT: String(siapPort),
    DATABASE_URL: await ensureDatabase(pg.adminUrl, 'siap'),
    KAFKA_BROKERS: broker.address,
    INTERNAL_AUTH_SECRET: secret,
  });
  const gateway = spawnService('apps/gateway/src/main.ts', {
    PORT: String(gatewayPort),
    DATABASE_URL: await ensureDatabase(pg.adminUrl, 'gateway'),
    KAFKA_BROKERS: broker.address,
    INTERNAL_AUTH_SECRET: secret,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_NIP: ADMIN.nip,
    ADMIN_PASSWORD: ADMIN.password,
    ...upstreamSettings(
      SERVICES.filter((s) => s.name === 'siap'),
      () => `http://127.0.0.1:${siapPort}`,
    ),
    RATE_LIMIT_PER_ACCOUNT_PER_MINUTE: '100000000',
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000000',
  });
  const gw = `http://127.0.0.1:${gatewayPort}`;
  let bare: BareHttp | undefined;
  try {
    await Promise.all([waitUntilReady(`http://127.0.0.1:${siapPort}`), waitUntilReady(gw)]);
    const token = (
      (await (
        await fetch(`${gw}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
      ).json()) as { accessToken: string }
    ).accessToken;
    const bearer = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const post = async (p: string, body: unknown) => {
      const r = await fetch(`${gw}/api/v1/siap${p}`, { method: 'POST', headers: bearer, body: JSON.stringify(body) });
      if (r.status !== 201) throw new Error(`${p}: ${r.status} ${await r.text()}`);
    };
    await post('/units', { code: 'BKD', name: 'Badan Kepegawaian Daerah' });
    await post('/positions', { code: 'BKD-ANALIS', name: 'Analis', type: 'FUNGSIONAL', kelasJabatan: 8, unitCode: 'BKD' });
    await post('/employees', {
      nip: NIP,
      name: 'Andi',
      birthDate: '1990-01-01',
      sex: 'L',
      employmentType: 'PNS',
      golongan: 'III/a',
      unitCode: 'BKD',
      positionCode: 'BKD-ANALIS',
      tmtCpns: '2015-03-01',
    });

    const pathname = `/api/v1/siap/employees/${NIP}`;
    const identity = await signIdentity({ nip: ADMIN.nip, name: 'Administrator BKD', roles: ['ADMIN_BKD', 'PEGAWAI'], unitCode: 'BKD' }, secret, 3600);
    const toSiap: HttpShot = { path: pathname, headers: { [IDENTITY_HEADER]: identity } };
    const toGateway: HttpShot = { path: pathname, headers: { authorization: `Bearer ${token}` } };
    bare = await startBareFastify();
    console.log('Calibration: a bare Fastify app, same client, same load…');
    const calibration = await load(bare.origin, toGateway);
    console.log('Direct to SIAP…');
    const direct = await load(`http://127.0.0.1:${siapPort}`, toSiap);
    console.log('Through the gateway…');
    const via = await load(gw, toGateway);

    console.log(`Latency at a steady ${PACED_RATE} requests/s: calibration, direct, then through the gateway…`);
    const calibrationPaced = (await steady(bare.origin, toGateway)).latencies;
    const directPaced = (await steady(`http://127.0.0.1:${siapPort}`, toSiap)).latencies;
    const viaPaced = (await steady(gw, toGateway)).latencies;

    const share = via.perSecond / direct.perSecond;
    const addedP99 = percentile(viaPaced, 99) - percentile(directPaced, 99);
    const errors = (r: LoadResult) => [...r.failures.values()].reduce((a, b) => a + b, 0);
    const ms = (v: number) => `${v.toFixed(2)} ms`;
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
    printTable(
      ['measure', 'direct to SIAP', 'through the gateway', 'calibration', 'ratio, direct', 'ratio, gateway', 'goal', 'met'],
      [
        row(
          `requests/s (${CONCURRENCY} clients, saturated)`,
          direct.perSecond,
          via.perSecond,
          calibration.perSecond,
          fmt,
          ` (${(share * 100).toFixed(0)}%)`,
          '≥ 70%',
          share >= 0.7 ? 'yes' : 'NO',
        ),
        row('p99 latency, saturated', percentile(direct.latencies, 99), percentile(via.latencies, 99), percentile(calibration.latencies, 99), ms),
        row(`p50 latency at ${PACED_RATE}/s`, percentile(directPaced, 50), percentile(viaPaced, 50), percentile(calibrationPaced, 50), ms),
        row(
          `p99 latency at ${PACED_RATE}/s`,
          percentile(directPaced, 99),
          percentile(viaPaced, 99),
          percentile(calibrationPaced, 99),
          ms,
          ` (${addedP99 >= 0 ? '+' : '−'}${Math.abs(addedP99).toFixed(2)} ms)`,
          'added ≤ 5 ms',
          addedP99 <= 5 ? 'yes' : 'NO',
        ),
        [
          'non-200 answers',
          String(errors(direct)),
          String(errors(via)),
          String(errors(calibration)),
          '',
          '',
          '0',
          errors(direct) + errors(via) === 0 ? 'yes' : 'NO',
        ],
      ],
    );
    console.log(
      'calibration: a bare Fastify app answering a small JSON in a process of its own, under the same client code and load, measured in this run; ratio = figure ÷ calibration (requests/s: higher is better; latency: lower is better). The ratios compare across machines; the absolute figures do not.',
    );
  } finally {
    await bare?.stop();
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
