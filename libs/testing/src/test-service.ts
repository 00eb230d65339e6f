import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IDENTITY_HEADER, signIdentity, type Identity } from '@app/auth';
import { startBroker, type KafkaBroker } from '@app/kafka-broker';
import { createServiceApp, loadConfig, serviceEntry, type BaseServiceConfig, type ServiceDefinition, type ServiceDescriptor } from '@app/service-kit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import { createTestDatabase } from './databases';
import { freePort } from './embedded-postgres';
import { waitUntilReady } from './wait';

/** The secret test services share with the identities the tests sign (as the gateway would). */
export const TEST_INTERNAL_SECRET = 'test-internal-auth-secret-0123456789abcdef';

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read JSON loosely
  headers: Record<string, string>;
}

export interface TestBroker {
  readonly broker: KafkaBroker;
  address: string;
  /** An outage: the broker stops, keeping its data, until resume() starts it again on the same port. */
  halt(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** The embedded broker on a free port with its own folder, for one test file. */
export async function startTestBroker(partitions = 3): Promise<TestBroker> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-broker-'));
  let broker = await startBroker({ port: 0, dataDir: dir, defaultPartitions: partitions });
  const port = broker.port;
  let running = true;
  return {
    get broker() {
      return broker;
    },
    address: broker.address,
    halt: async () => {
      await broker.stop();
      running = false;
    },
    resume: async () => {
      broker = await startBroker({ port, dataDir: dir, defaultPartitions: partitions });
      running = true;
    },
    stop: async () => {
      if (running) await broker.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Query results as rows, as TypeORM's DataSource.query gives them. */
export interface TestDatabase {
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read rows loosely
}

export interface TestService {
  baseUrl: string;
  databaseUrl: string;
  /** The service's own database, to check what was (not) written. */
  db: TestDatabase;
  /**
   * Real HTTP to the service. `as` is the identity the gateway would have signed (default: none, for
   * the gateway itself, which authenticates with bearer tokens in `headers`).
   */
  call(method: string, p: string, options?: { body?: unknown; as?: Identity | null; contentType?: string; headers?: Record<string, string> }): Promise<Reply>;
  /** In a process of its own (`process: true`): kill it, then start it again on the same database and port. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Starts it again (a process: after kill(), or stopped now), with some settings changed if given. */
  restart(env?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export interface TestServiceOptions {
  broker: TestBroker;
  env?: Record<string, string>;
  /** Run it as `npm start` does, in a process of its own (to kill it); in this process otherwise. */
  process?: boolean;
}

/**
 * One service with a database of its own on the test run's PostgreSQL and the given broker, reached over
 * real HTTP: in this process (fast, for most tests) or as its own process (for crash tests). The one
 * harness every service's tests start from.
 */
export async function startTestService<C extends BaseServiceConfig>(
  service: ServiceDefinition<C> | ServiceDescriptor,
  options: TestServiceOptions,
): Promise<TestService> {
  // Another app's service is started from its descriptor (apps/registry.ts), as a process: tests never import another app's code.
  const definition = 'descriptor' in service ? service : null;
  const descriptor = definition ? definition.descriptor : (service as ServiceDescriptor);
  if (!definition) options = { ...options, process: true };
  const name = descriptor.name;
  const database = await createTestDatabase(name);
  const port = options.process ? await freePort() : 0;
  const env: Record<string, string> = {
    PORT: String(port || 1),
    DATABASE_URL: database.url,
    KAFKA_BROKERS: options.broker.address,
    INTERNAL_AUTH_SECRET: TEST_INTERNAL_SECRET,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? (options.process ? 'error' : 'silent'),
    FILES_DIR: fs.mkdtempSync(path.join(os.tmpdir(), `${name}-files-`)),
    ...options.env,
  };
  let app: NestFastifyApplication | null = null;
  let child: ChildProcess | null = null;
  let baseUrl: string;
  const launch = async () => {
    if (options.process) {
      child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, '../../..', serviceEntry(descriptor))], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      baseUrl = `http://127.0.0.1:${port}`;
      await waitUntilReady(baseUrl);
    } else {
      app = await createServiceApp(definition!, loadConfig(definition!.configClass, env));
      await app.listen(0, '127.0.0.1');
      baseUrl = `${await app.getUrl()}`.replace('[::1]', '127.0.0.1');
    }
  };
  await launch();
  // A small pool: tests may look at the database from more than one place at once.
  const client = new Pool({ connectionString: database.url, max: 3 });
  const db: TestDatabase = { query: async (sql, params) => (await client.query(sql, params)).rows };

  const stopChild = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill(signal);
    });

  return {
    get baseUrl() {
      return baseUrl;
    },
    databaseUrl: database.url,
    db,
    async call(method, p, { body, as = null, contentType, headers = {} } = {}) {
      const sent: Record<string, string> = { ...headers };
      if (as) sent[IDENTITY_HEADER] = await signIdentity(as, TEST_INTERNAL_SECRET);
      if (body !== undefined) sent['content-type'] = contentType ?? 'application/json';
      const response = await fetch(`${baseUrl}${p}`, {
        method,
        headers: sent,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      const isJson = (response.headers.get('content-type') ?? '').includes('json');
      return { status: response.status, body: text && isJson ? JSON.parse(text) : text, headers: Object.fromEntries(response.headers) };
    },
    kill: stopChild,
    async restart(changes = {}) {
      await stopChild('SIGTERM');
      Object.assign(env, changes);
      await launch();
    },
    async close() {
      await client.end();
      await (app as NestFastifyApplication | null)?.close();
      await stopChild('SIGTERM');
      await database.drop();
      fs.rmSync(env.FILES_DIR, { recursive: true, force: true });
    },
  };
}
