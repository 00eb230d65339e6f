import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, freePort, startTestBroker, TEST_INTERNAL_SECRET, waitFor } from '@app/testing';

const ROOT = path.join(__dirname, '../../..');

/**
 * K-Mob keeps selfies and attachments in FILES_DIR. A folder it cannot create (a container without its
 * volume, where the default under /app is root's) must stop it at start-up, naming FILES_DIR, instead of
 * answering every upload with a 500.
 */
describe('K-Mob file storage folder', () => {
  it('refuses to start when FILES_DIR cannot be created, with one log line naming it', async () => {
    const broker = await startTestBroker();
    const db = await createTestDatabase('kmob');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kmob-files-'));
    // A file where the folder should be: refused even to root, unlike a folder without write permission.
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, 'apps/kmob/src/main.ts')], {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: db.url,
        KAFKA_BROKERS: broker.address,
        INTERNAL_AUTH_SECRET: TEST_INTERNAL_SECRET,
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        FILES_DIR: path.join(blocker, 'files'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let exitCode: number | null = null;
    child.once('exit', (code) => (exitCode = code ?? -1));
    let ready = false;
    try {
      await waitFor(
        async () => exitCode !== null || (ready = (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.ok === true),
        'K-Mob to stop or to become ready',
        60_000,
        200,
      );
      expect(ready).toBe(false);
      expect(exitCode).not.toBe(0);
      const logged = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { level: number; msg: string });
      expect(logged.filter((l) => l.level >= 60).map((l) => l.msg)).toEqual([
        `FILES_DIR: cannot create or write the file storage folder ${path.join(blocker, 'files')} (ENOTDIR); set FILES_DIR to a folder this process can write (a mounted volume in a container)`,
      ]);
    } finally {
      if (exitCode === null) child.kill('SIGKILL');
      await db.drop();
      await broker.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
