/**
 * The platform `bench:gateway` measures: embedded PostgreSQL, the broker, SIAP, K-Mob and the gateway,
 * each its own process as in `npm start`, with the demo's BKD (an atasan and a pegawai in the atasan's
 * team, set up through the gateway's public API and logged in for real), the pegawai's check-in of today
 * and a pending request awaiting the atasan.
 */
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import type { Identity } from '@app/auth';
import { upstreamSettings } from '@app/service-kit/service-descriptor';
import { ensureDatabase, exited, freePort, spawnBrokerProcess, spawnService, startEmbeddedPostgres, waitUntilReady } from '@app/testing';
import { SERVICES } from '../../registry';
import { DEMO_OFFICE, setUpDemo, type DemoRole } from '../../../scripts/platform/demo';

const ADMIN = { nip: '196608011988031001', password: 'Bench-Admin-2026' };

/** A logged-in person: the bearer token the portal sends, and who the gateway would tell the services they are. */
export interface LoggedIn {
  identity: Identity;
  accessToken: string;
}

export interface RushPlatform {
  gateway: string;
  siap: string;
  kmob: string;
  internalSecret: string;
  /** Each service's process id, and the PostgreSQL server's admin URL, for the CPU meter. */
  pids: Record<'gateway' | 'siap' | 'kmob', number>;
  pgAdminUrl: string;
  pegawai: LoggedIn;
  atasan: LoggedIn;
  /** What the setup could not arrange (e.g. a check-in refused today), printed with the figures. */
  notes: string[];
  stop(): Promise<void>;
}

export async function startRushPlatform(): Promise<RushPlatform> {
  const pg = await startEmbeddedPostgres();
  const broker = await spawnBrokerProcess(['--partitions', '3']);
  const internalSecret = randomBytes(32).toString('hex');
  const [siapPort, kmobPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
  const common = { KAFKA_BROKERS: broker.address, INTERNAL_AUTH_SECRET: internalSecret };
  const children: ChildProcess[] = [
    spawnService('apps/siap/src/main.ts', { ...common, PORT: String(siapPort), DATABASE_URL: await ensureDatabase(pg.adminUrl, 'siap') }),
    spawnService('apps/kmob/src/main.ts', { ...common, PORT: String(kmobPort), DATABASE_URL: await ensureDatabase(pg.adminUrl, 'kmob') }),
    spawnService('apps/gateway/src/main.ts', {
      ...common,
      PORT: String(gatewayPort),
      DATABASE_URL: await ensureDatabase(pg.adminUrl, 'gateway'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      ADMIN_NIP: ADMIN.nip,
      ADMIN_PASSWORD: ADMIN.password,
      ...upstreamSettings(SERVICES, (s) => `http://127.0.0.1:${s.name === 'siap' ? siapPort : kmobPort}`),
      // The rush comes from thousands of phones and addresses; here it comes from one of each.
      RATE_LIMIT_PER_ACCOUNT_PER_MINUTE: '100000000',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000000',
    }),
  ];
  const stop = async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map(exited));
    broker.child.kill('SIGTERM');
    await exited(broker.child);
    await pg.stop();
  };
  const origin = (port: number) => `http://127.0.0.1:${port}`;
  const gateway = origin(gatewayPort);
  try {
    await Promise.all([siapPort, kmobPort, gatewayPort].map((port) => waitUntilReady(origin(port))));
    const passwords: Record<DemoRole, string> = {
      ADMIN_BKD: 'Bench-Demo-Admin-7',
      OPERATOR_OPD: 'Bench-Demo-Op-7',
      ATASAN: 'Bench-Demo-Atasan-7',
      PEGAWAI: 'Bench-Demo-Pegawai-7',
    };
    const accounts = await setUpDemo(gateway, ADMIN, passwords, (m) => console.log(m));
    const login = async (role: DemoRole): Promise<LoggedIn> => {
      const account = accounts.find((a) => a.role === role)!;
      const body = (await call(gateway, 'POST', '/auth/login', { nip: account.nip, password: account.password }, undefined, 200)) as {
        accessToken: string;
        user: Identity;
      };
      return { identity: body.user, accessToken: body.accessToken };
    };
    const [pegawai, atasan] = [await login('PEGAWAI'), await login('ATASAN')];
    const notes: string[] = [];
    // Today's view with a check-in in it, as at 07:30; a day K-Mob refuses check-ins on is noted instead.
    const fix = { type: 'IN', latitude: DEMO_OFFICE.latitude, longitude: DEMO_OFFICE.longitude, accuracyMeters: 8, mocked: false, deviceId: 'bench-phone' };
    const checkIn = await fetch(`${gateway}/api/v1/kmob/check-ins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pegawai.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(fix),
    });
    if (checkIn.status !== 201)
      notes.push(`the pegawai's check-in was refused (${checkIn.status} ${(await checkIn.text()).slice(0, 200)}): today's view has no mark`);
    // Field duty may fall on any day, so the atasan's inbox holds one request whatever the date.
    const inTenDays = new Date(Date.now() + 8 * 3600_000 + 10 * 86_400_000).toISOString().slice(0, 10);
    await call(
      gateway,
      'POST',
      '/kmob/requests',
      { type: 'DINAS_LUAR', startDate: inTenDays, endDate: inTenDays, reason: 'Rapat koordinasi di Kabupaten Donggala' },
      pegawai.accessToken,
      201,
    );
    const [siapPid, kmobPid, gatewayPid] = children.map((c) => c.pid!);
    const pids = { gateway: gatewayPid, siap: siapPid, kmob: kmobPid };
    return { gateway, siap: origin(siapPort), kmob: origin(kmobPort), internalSecret, pids, pgAdminUrl: pg.adminUrl, pegawai, atasan, notes, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function call(gateway: string, method: string, route: string, body: unknown, token: string | undefined, expected: number): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${gateway}/api/v1${route}`, { method, headers, body: JSON.stringify(body) });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${route}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
