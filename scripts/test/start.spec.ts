import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SERVICES } from '../../apps/registry';
import { freePort } from '../../libs/testing/src';

/** `npm start` as a person runs it: nothing configured, everything embedded, then Ctrl-C. */
describe('npm start', () => {
  it('runs the platform on one machine, serves SIAP, keeps data and stops cleanly on SIGINT', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-'));
    fs.chmodSync(dataDir, 0o755); // as a checkout would be; a closed folder is handled too, elsewhere
    const [gatewayPort, kafkaPort, pgPort] = [await freePort(), await freePort(), await freePort()];
    // Every service on a free port, so a platform already running on the default ports is no obstacle.
    const servicePorts = Object.fromEntries(
      await Promise.all(SERVICES.filter((s) => !s.public).map(async (s) => [`${s.name.toUpperCase()}_PORT`, String(await freePort())])),
    ) as Record<string, string>;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...servicePorts,
      DATA_DIR: dataDir,
      GATEWAY_PORT: String(gatewayPort),
      KAFKA_PORT: String(kafkaPort),
      PG_PORT: String(pgPort),
    };
    const [siapPort, kmobPort] = [servicePorts.SIAP_PORT, servicePorts.KMOB_PORT];
    for (const key of ['DATABASE_URL', 'KAFKA_BROKERS', 'ADMIN_NIP', 'ADMIN_PASSWORD', 'JWT_SECRET', 'INTERNAL_AUTH_SECRET']) delete env[key];
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
      expect(output).toContain(`http://localhost:${gatewayPort}`);
      // One readable line per log event, labelled with its service (JSON stays for production).
      // eslint-disable-next-line no-control-regex -- the label's colour codes are part of the line
      expect(output).toMatch(/siap\s*\x1b\[0m │ \[\d\d:\d\d:\d\d\] INFO: /);
      // eslint-disable-next-line no-control-regex -- the label's colour codes are part of the line
      expect(output).toMatch(/gateway\s*\x1b\[0m │ /);
      expect(output).not.toMatch(/│ \{"level"/);
      // The generated admin password is printed once and works at the gateway.
      const [, nip, password] = /first admin account: NIP (\d{18}), password (\S+)/.exec(output) ?? [];
      const login = await fetch(`http://127.0.0.1:${gatewayPort}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nip, password }),
      });
      expect(login.status).toBe(200);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const created = await fetch(`http://127.0.0.1:${gatewayPort}/api/v1/siap/units`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ code: 'BKD', name: 'Badan Kepegawaian Daerah' }),
      });
      expect(created.status).toBe(201);
      // SIAP itself refuses anyone who bypasses the gateway.
      expect((await fetch(`http://127.0.0.1:${siapPort}/api/v1/siap/units`)).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${siapPort}/health/ready`)).status).toBe(200);
      // Only the gateway answers on the machine's network address; the services listen on loopback alone.
      const lan = Object.values(os.networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
      if (lan) {
        expect((await fetch(`http://${lan}:${gatewayPort}/health/live`)).status).toBe(200);
        for (const port of [siapPort, kmobPort]) await expect(fetch(`http://${lan}:${port}/health/live`)).rejects.toThrow();
      }
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    expect(fs.readdirSync(path.join(dataDir, 'kafka', 'topics'))).toContain('siap.organization.v1');
    expect(fs.statSync(path.join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
