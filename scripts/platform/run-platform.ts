import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startBroker, type KafkaBroker } from '../../libs/kafka-broker/src';
import { serviceEntry, upstreamSettings, type ServiceDescriptor } from '../../libs/service-kit/src/service-descriptor';
import { ensureDatabase } from '../../libs/testing/src/databases';
import { startEmbeddedPostgres, type RunningPostgres } from '../../libs/testing/src/embedded-postgres';
import { ownFolderIn } from '../../libs/testing/src/trusted-paths';

export interface PlatformOptions {
  /** In start order; the public one (the gateway) last. */
  services: readonly ServiceDescriptor[];
  dataDir: string;
  /** Environment for the platform (DATABASE_URL, KAFKA_BROKERS, <NAME>_PORT, secrets …). */
  env: NodeJS.ProcessEnv;
  /** Where messages for the person running it go. */
  say(message: string): void;
  /** A service's log line, labelled. */
  log(service: string, line: string): void;
}

export interface RunningPlatform {
  gatewayUrl: string;
  secrets: Secrets;
  /** Which service ports were used, by name. */
  ports: Record<string, number>;
  /** Resolves with the code the platform should exit with once something stopped it. */
  stopped: Promise<number>;
  stop(code?: number): Promise<number>;
}

interface Secrets {
  JWT_SECRET: string;
  INTERNAL_AUTH_SECRET: string;
  ADMIN_NIP: string;
  ADMIN_PASSWORD: string;
}

const ROOT = path.join(__dirname, '../..');

/**
 * The whole platform on one machine, as `npm start` runs it: PostgreSQL from DATABASE_URL or embedded,
 * Kafka from KAFKA_BROKERS or the embedded broker, then every service of `services` as its own process
 * with its own database, each waited for until ready. Everything a service needs comes from its
 * descriptor, so a new service appears here by being in the registry.
 */
export async function runPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const { services, dataDir, env, say } = options;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  let postgres: RunningPostgres | null = null;
  let broker: KafkaBroker | null = null;
  const children: ChildProcess[] = [];
  let stopping: Promise<number> | null = null;
  let signalStopped!: (code: number) => void;
  const stopped = new Promise<number>((resolve) => (signalStopped = resolve));

  const stop = (code = 0): Promise<number> => {
    stopping ??= (async () => {
      say('stopping…');
      // Reverse start order: the gateway first, then the services (they flush their outboxes), then Kafka and PostgreSQL.
      for (const child of [...children].reverse()) await stopChild(child);
      await broker?.stop();
      await postgres?.stop();
      say('stopped');
      signalStopped(code);
      return code;
    })();
    return stopping;
  };

  try {
    let adminUrl = env.DATABASE_URL;
    if (!adminUrl) {
      const pgDir = postgresDataDir(dataDir, say);
      say(`starting embedded PostgreSQL (data in ${pgDir})…`);
      postgres = await startEmbeddedPostgres({ dataDir: pgDir, port: Number(env.PG_PORT ?? 54320) });
      adminUrl = postgres.adminUrl;
    }
    let brokers = env.KAFKA_BROKERS;
    if (!brokers) {
      broker = await startBroker({
        port: Number(env.KAFKA_PORT ?? 9092),
        dataDir: path.join(dataDir, 'kafka'),
        defaultPartitions: 3,
        logger: { info: () => undefined, warn: (m) => options.log('kafka', m) },
      });
      brokers = broker.address;
      say(`embedded Kafka-protocol broker on ${brokers} (data in ${path.join(dataDir, 'kafka')})`);
    }
    const secrets = loadSecrets(dataDir, env, say);
    const ports = Object.fromEntries(services.map((s) => [s.name, Number(env[`${s.name.toUpperCase()}_PORT`] ?? s.port)]));
    const local = (s: ServiceDescriptor) => `http://127.0.0.1:${ports[s.name]}`;
    for (const s of services) {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, serviceEntry(s))], {
        cwd: ROOT,
        env: {
          ...env,
          ...secrets,
          PORT: String(ports[s.name]),
          // Only the public service answers other machines (phones on the office network); the rest stay on loopback.
          HOST: s.public ? (env.GATEWAY_HOST ?? '0.0.0.0') : '127.0.0.1',
          DATABASE_URL: await ensureDatabase(adminUrl, s.name),
          KAFKA_BROKERS: brokers,
          FILES_DIR: path.join(dataDir, 'files', s.name),
          LOG_FORMAT: env.LOG_FORMAT ?? 'pretty',
          LOG_COLOR: process.stdout.isTTY ? '1' : '0',
          ...(s.public ? upstreamSettings(services, local) : {}),
        },
        // The IPC channel lets a service notice if this process dies without stopping it.
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      children.push(child);
      pipeLines(child, (line) => options.log(s.name, line));
      child.once('exit', (code) => {
        if (!stopping) {
          say(`${s.name} exited with code ${code}; stopping the platform`);
          void stop(1);
        }
      });
    }
    await Promise.all(services.map((s, i) => waitUntilReady(s.name, local(s), children[i])));
    const gateway = services.find((s) => s.public);
    return { gatewayUrl: gateway ? `http://localhost:${ports[gateway.name]}` : '', secrets, ports, stopped, stop };
  } catch (error) {
    say((error as Error).message);
    await stop(1);
    throw error;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/**
 * Secrets of a one-machine run: taken from the environment when set, otherwise generated once and
 * kept in <dataDir>/secrets.json (readable by its owner only). A generated admin password is shown once.
 */
function loadSecrets(dataDir: string, env: NodeJS.ProcessEnv, say: (m: string) => void): Secrets {
  const file = path.join(dataDir, 'secrets.json');
  const stored = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Secrets>) : {};
  const generated: Partial<Secrets> = {};
  const pick = (key: keyof Secrets, make: () => string) => env[key] ?? stored[key] ?? (generated[key] = make());
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
      say(`(shown once; kept in ${file} — set ADMIN_NIP/ADMIN_PASSWORD to choose your own)`);
    }
  }
  return secrets;
}

/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as the `postgres` user, which
 * must be able to reach its data folder. When a parent of the data folder is closed to other users (a
 * 0700 home or temp folder), the database goes under `tmpRoot` (/var/tmp) instead, in a folder named
 * after this user and the data folder so it is found again on the next start. Only if this user owns
 * that folder, though: root would otherwise hand whatever another user planted there (a symlink to
 * /etc) to the postgres user; then it goes to a fresh private folder, which the start log names.
 */
export function postgresDataDir(dataDir: string, say: (m: string) => void, tmpRoot = '/var/tmp'): string {
  const wanted = path.join(dataDir, 'postgres');
  if (process.getuid?.() !== 0) return wanted;
  for (let dir = dataDir; ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) {
      const name = `sulteng-asn-${process.getuid()}-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`;
      const folder = ownFolderIn(tmpRoot, name);
      if (folder.elsewhere) say(`${path.join(tmpRoot, name)} is not this user's own folder; not using it`);
      const fallback = path.join(folder.path, 'postgres');
      say(`${dir} is closed to the postgres user; keeping the database in ${fallback}`);
      return fallback;
    }
    if (dir === path.dirname(dir)) return wanted;
  }
}

function pipeLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line) onLine(line);
    });
  }
}

async function waitUntilReady(name: string, url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    if ((await fetch(`${url}/health/ready`).catch(() => null))?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s`);
}
