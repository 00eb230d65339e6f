import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startBroker, type KafkaBroker } from '@app/kafka-broker';
import { createInSiap, createTestDatabase, SAMPLE_ORGANISATION, freePort, spawnService, waitFor, waitUntilReady } from '@app/testing';
import { Client } from 'pg';
import { upstreamSettings } from '@app/service-kit/service-descriptor';
import { SERVICES } from '../../apps/registry';

export const ADMIN = { nip: '196608011988031001', password: 'Rahasia-BKD-2026' };
export const PASSWORD = 'Sulteng-Maju-2026';

type Reply = { status: number; headers: Headers; text: string; body: any };

export interface RunningPlatform {
  gatewayUrl: string;
  broker: KafkaBroker;
  /** Each service's own database, to check what was (not) written. */
  databases: Record<'gateway' | 'siap' | 'kmob' | 'trk' | 'tunjangan', Client>;
  call(method: string, p: string, body?: unknown, token?: string, headers?: Record<string, string>): Promise<Reply>;
  login(nip: string, password?: string): Promise<{ accessToken: string; refreshToken: string }>;
  close(): Promise<void>;
}

/**
 * The gateway, SIAP, K-Mob, TRK and Sim Tunjangan as `npm start` runs them (each its own process, its own database, one
 * broker), reached over real HTTP through the gateway only.
 */
export async function startRunningPlatform(env: Record<string, string> = {}): Promise<RunningPlatform> {
  const brokerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-broker-'));
  const broker = await startBroker({ port: 0, dataDir: brokerDir, defaultPartitions: 3 });
  // TRK keeps evidence files: in a folder of this run, removed with it.
  const trkFiles = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-trk-files-'));
  const dbs = {
    gateway: await createTestDatabase('gateway'),
    siap: await createTestDatabase('siap'),
    kmob: await createTestDatabase('kmob'),
    trk: await createTestDatabase('trk'),
    tunjangan: await createTestDatabase('tunjangan'),
  };
  const [gatewayPort, siapPort, kmobPort, trkPort, tunjanganPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
  const common = { KAFKA_BROKERS: broker.address, INTERNAL_AUTH_SECRET: randomBytes(24).toString('hex'), LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error' };
  const children: ChildProcess[] = [
    spawnService('apps/siap/src/main.ts', { ...common, PORT: String(siapPort), DATABASE_URL: dbs.siap.url }),
    spawnService('apps/kmob/src/main.ts', { ...common, PORT: String(kmobPort), DATABASE_URL: dbs.kmob.url }),
    spawnService('apps/trk/src/main.ts', { ...common, PORT: String(trkPort), DATABASE_URL: dbs.trk.url, FILES_DIR: trkFiles }),
    spawnService('apps/tunjangan/src/main.ts', { ...common, PORT: String(tunjanganPort), DATABASE_URL: dbs.tunjangan.url }),
    spawnService('apps/gateway/src/main.ts', {
      ...common,
      PORT: String(gatewayPort),
      DATABASE_URL: dbs.gateway.url,
      JWT_SECRET: randomBytes(24).toString('hex'),
      ADMIN_NIP: ADMIN.nip,
      ADMIN_PASSWORD: ADMIN.password,
      ...upstreamSettings(SERVICES, (s) => `http://127.0.0.1:${{ siap: siapPort, kmob: kmobPort, trk: trkPort, tunjangan: tunjanganPort }[s.name]}`),
      ...env,
    }),
  ];
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  await Promise.all([gatewayPort, siapPort, kmobPort, trkPort, tunjanganPort].map((port) => waitUntilReady(`http://127.0.0.1:${port}`)));
  const databases = {
    gateway: new Client(dbs.gateway.url),
    siap: new Client(dbs.siap.url),
    kmob: new Client(dbs.kmob.url),
    trk: new Client(dbs.trk.url),
    tunjangan: new Client(dbs.tunjangan.url),
  };
  for (const db of Object.values(databases)) await db.connect();

  const call: RunningPlatform['call'] = async (method, p, body, token, headers = {}) => {
    const sent: Record<string, string> = { ...headers };
    if (body !== undefined && !sent['content-type']) sent['content-type'] = 'application/json';
    if (token) sent.authorization = `Bearer ${token}`;
    const response = await fetch(`${gatewayUrl}${p}`, {
      method,
      headers: sent,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  };

  return {
    gatewayUrl,
    broker,
    databases,
    call,
    async login(nip, password = PASSWORD) {
      const r = await call('POST', '/api/v1/auth/login', { nip, password });
      if (r.status !== 200) throw new Error(`login ${nip} → ${r.status} ${r.text}`);
      return r.body;
    },
    async close() {
      for (const db of Object.values(databases)) await db.end();
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
      await broker.stop();
      for (const db of Object.values(dbs)) await db.drop();
      fs.rmSync(brokerDir, { recursive: true, force: true });
      fs.rmSync(trkFiles, { recursive: true, force: true });
    },
  };
}

/** Two OPDs, an atasan with two staff, an operator, and every person's account active with the roles they hold. */
export const PEOPLE = {
  kabid: { nip: '197503152005031001', unitCode: 'BKD-MUTASI', positionCode: 'BKD-KABID-MUTASI', roles: ['ATASAN'] },
  analis: { nip: '199003152015031002', unitCode: 'BKD-MUTASI', positionCode: 'BKD-ANALIS', roles: [] },
  analis2: { nip: '199103152015032003', unitCode: 'BKD-MUTASI', positionCode: 'BKD-ANALIS', roles: [] },
  operator: { nip: '198503152010031004', unitCode: 'BKD', positionCode: 'BKD-OPERATOR', roles: ['OPERATOR_OPD'] },
  perawat: { nip: '199203152016032005', unitCode: 'DINKES', positionCode: 'DINKES-STAF', roles: [] },
} as const;

export async function seedPeople(p: RunningPlatform, adminToken: string): Promise<Record<keyof typeof PEOPLE, string>> {
  await createInSiap((route, body) => p.call('POST', route, body, adminToken), {
    ...SAMPLE_ORGANISATION,
    people: PEOPLE,
  });
  const nips = Object.values(PEOPLE).map((person) => person.nip);
  await waitFor(
    async () => (await p.databases.gateway.query('SELECT count(*)::int AS n FROM account WHERE nip = ANY($1)', [nips])).rows[0].n === nips.length,
    'accounts from SIAP events',
  );
  await waitFor(
    async () => (await p.databases.kmob.query('SELECT count(*)::int AS n FROM employee WHERE nip = ANY($1)', [nips])).rows[0].n === nips.length,
    "K-Mob's projection",
  );
  await waitFor(
    async () => (await p.databases.trk.query('SELECT count(*)::int AS n FROM employee WHERE nip = ANY($1)', [nips])).rows[0].n === nips.length,
    "TRK's projection",
  );
  const tokens = {} as Record<keyof typeof PEOPLE, string>;
  for (const [key, person] of Object.entries(PEOPLE) as [keyof typeof PEOPLE, (typeof PEOPLE)[keyof typeof PEOPLE]][]) {
    const code = (await p.call('POST', `/api/v1/auth/accounts/${person.nip}/activation`, undefined, adminToken)).body.code;
    const activated = await p.call('POST', '/api/v1/auth/activate', { nip: person.nip, code, newPassword: PASSWORD });
    if (activated.status !== 204) throw new Error(`activate ${person.nip} → ${activated.status} ${activated.text}`);
    if (person.roles.length) await p.call('PUT', `/api/v1/auth/accounts/${person.nip}/roles`, { roles: person.roles }, adminToken);
    tokens[key] = (await p.login(person.nip)).accessToken;
  }
  return tokens;
}
