import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../../libs/testing/src';

/** `npm start` as a person runs it: nothing configured, everything embedded, then Ctrl-C. */
describe('npm start', () => {
  it('runs the platform on one machine, serves SIAP, keeps data and stops cleanly on SIGINT', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-'));
    fs.chmodSync(dataDir, 0o755); // as a checkout would be; a closed folder is handled too, elsewhere
    const [siapPort, kafkaPort, pgPort] = [await freePort(), await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SIAP_PORT: String(siapPort), KAFKA_PORT: String(kafkaPort), PG_PORT: String(pgPort) };
    delete env.DATABASE_URL;
    delete env.KAFKA_BROKERS;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, '../start.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 90_000;
      while (!output.includes('press Ctrl-C to stop')) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`platform did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(output).toContain(`http://localhost:${siapPort}/api/v1/siap`);
      expect(output).toMatch(/\[siap\]/);
      const created = await fetch(`http://127.0.0.1:${siapPort}/api/v1/siap/units`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'BKD', name: 'Badan Kepegawaian Daerah' }),
      });
      expect(created.status).toBe(201);
      expect((await fetch(`http://127.0.0.1:${siapPort}/health/ready`)).status).toBe(200);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    expect(fs.readdirSync(path.join(dataDir, 'kafka', 'topics'))).toContain('siap.organization.v1');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
