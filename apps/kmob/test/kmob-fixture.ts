import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IDENTITY_HEADER, signIdentity, type Identity, type Role } from '@app/auth';
import { startBroker, type KafkaBroker } from '@app/kafka-broker';
import { createServiceApp, loadConfig } from '@app/service-kit';
import { createTestDatabase, waitFor } from '@app/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { SiapConfig } from '../../siap/src/siap.config';
import { SIAP_SERVICE } from '../../siap/src/siap.module';
import { KmobConfig } from '../src/kmob.config';
import { KMOB_SERVICE } from '../src/kmob.module';

const INTERNAL_SECRET = 'kmob-test-internal-secret-0123456789abcdef';
export const ADMIN: Identity = { nip: '196608011988031001', name: 'Admin BKD', roles: ['ADMIN_BKD', 'PEGAWAI'], unitCode: 'BKD' };

type Reply = { status: number; body: any; headers: Record<string, string> };

export interface Platform {
  broker: KafkaBroker;
  /** K-Mob's own database, to check what was (not) written. */
  db: DataSource;
  kmob(method: string, p: string, body?: unknown, identity?: Identity | null, contentType?: string): Promise<Reply>;
  siap(method: string, p: string, body?: unknown): Promise<Reply>;
  /** Waits until K-Mob's projection holds `nip` at `version` or later. */
  projected(nip: string, version?: number): Promise<void>;
  /** Every message on `topic` so far, read with kafkajs from the beginning. */
  messages(topic: string, atLeast: number): Promise<{ type: string; key: string; data: any }[]>;
  close(): Promise<void>;
}

export function person(nip: string, roles: Role[], unitCode: string, name = 'Pegawai'): Identity {
  return { nip, name, roles, unitCode };
}

async function call(baseUrl: string, method: string, p: string, body: unknown, identity: Identity | null, contentType?: string): Promise<Reply> {
  const headers: Record<string, string> = identity ? { [IDENTITY_HEADER]: await signIdentity(identity, INTERNAL_SECRET) } : {};
  if (body !== undefined) headers['content-type'] = contentType ?? 'application/json';
  const response = await fetch(`${baseUrl}${p}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  return { status: response.status, body: text && isJson ? JSON.parse(text) : text, headers: Object.fromEntries(response.headers) };
}

async function listen(app: NestFastifyApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `${await app.getUrl()}`.replace('[::1]', '127.0.0.1');
}

/**
 * SIAP and K-Mob, each with its own database, on one embedded broker, reached over real HTTP as the
 * gateway would (a signed identity per request). K-Mob learns employees only from SIAP's events.
 */
export async function startPlatform(): Promise<Platform> {
  const [siapDb, kmobDb] = [await createTestDatabase('kmob_siap'), await createTestDatabase('kmob')];
  const brokerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kmob-broker-'));
  const broker = await startBroker({ port: 0, dataDir: brokerDir, defaultPartitions: 3 });
  const common = { PORT: '1', KAFKA_BROKERS: broker.address, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', INTERNAL_AUTH_SECRET: INTERNAL_SECRET };
  const siapApp = await createServiceApp(SIAP_SERVICE, loadConfig(SiapConfig, { ...common, DATABASE_URL: siapDb.url }));
  const kmobApp = await createServiceApp(KMOB_SERVICE, loadConfig(KmobConfig, { ...common, DATABASE_URL: kmobDb.url }));
  const [siapUrl, kmobUrl] = [await listen(siapApp), await listen(kmobApp)];
  const db = new DataSource({ type: 'postgres', url: kmobDb.url });
  await db.initialize();
  const kafka = new Kafka({ brokers: [broker.address], clientId: 'kmob-test', logLevel: logLevel.NOTHING });
  const consumers: Consumer[] = [];
  const seen = new Map<string, { type: string; key: string; data: any }[]>();

  return {
    broker,
    db,
    kmob: (method, p, body, identity = ADMIN, contentType) => call(kmobUrl, method, p, body, identity, contentType),
    siap: (method, p, body) => call(siapUrl, method, p, body, ADMIN),
    async projected(nip, version = 1) {
      await waitFor(async () => ((await db.query('SELECT 1 FROM employee WHERE nip = $1 AND version >= $2', [nip, version])) as unknown[]).length > 0, `${nip} v${version} in K-Mob`);
    },
    async messages(topic, atLeast) {
      if (!seen.has(topic)) {
        seen.set(topic, []);
        const consumer = kafka.consumer({ groupId: `kmob-test-${topic}-${Date.now()}`, maxWaitTimeInMs: 100 });
        consumers.push(consumer);
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ message }) => {
            seen.get(topic)!.push({ type: String(message.headers?.ce_type), key: String(message.key), data: JSON.parse(String(message.value)) });
          },
        });
      }
      await waitFor(() => seen.get(topic)!.length >= atLeast, `${atLeast} messages on ${topic}`);
      return [...seen.get(topic)!];
    },
    async close() {
      for (const consumer of consumers) await consumer.disconnect();
      await db.destroy();
      await kmobApp.close();
      await siapApp.close();
      await broker.stop();
      await kmobDb.drop();
      await siapDb.drop();
      fs.rmSync(brokerDir, { recursive: true, force: true });
    },
  };
}

/**
 * Two OPDs: BKD (head → head of Bidang Mutasi → analysts) and Dinas Kesehatan (head → staff). NIPs
 * are built from the birth date, appointment month, sex and a sequence, as SIAP requires.
 */
export const STAFF = {
  kabid: { nip: '197503152005031001', positionCode: 'BKD-KABID-MUTASI', unitCode: 'BKD-MUTASI' },
  analis: { nip: '199003152015031002', positionCode: 'BKD-ANALIS', unitCode: 'BKD-MUTASI' },
  analis2: { nip: '199103152015032003', positionCode: 'BKD-ANALIS', unitCode: 'BKD-MUTASI' },
  kadinkes: { nip: '197203152000031004', positionCode: 'DINKES-KADIS', unitCode: 'DINKES' },
  perawat: { nip: '199203152016032005', positionCode: 'DINKES-STAF', unitCode: 'DINKES' },
} as const;

export async function seedSulteng(p: Platform): Promise<void> {
  const ok = async (route: string, body: unknown) => {
    const r = await p.siap('POST', `/api/v1/siap/${route}`, body);
    if (r.status !== 201) throw new Error(`${route} → ${r.status} ${JSON.stringify(r.body)}`);
  };
  await ok('units', { code: 'BKD', name: 'Badan Kepegawaian Daerah' });
  await ok('units', { code: 'BKD-MUTASI', name: 'Bidang Mutasi', parentCode: 'BKD' });
  await ok('units', { code: 'DINKES', name: 'Dinas Kesehatan' });
  await ok('positions', { code: 'BKD-KABAN', name: 'Kepala BKD', type: 'STRUKTURAL', eselon: 'II.a', kelasJabatan: 14, unitCode: 'BKD' });
  await ok('positions', { code: 'BKD-KABID-MUTASI', name: 'Kepala Bidang Mutasi', type: 'STRUKTURAL', eselon: 'III.b', kelasJabatan: 11, unitCode: 'BKD-MUTASI', parentCode: 'BKD-KABAN' });
  await ok('positions', { code: 'BKD-ANALIS', name: 'Analis Kepegawaian', type: 'FUNGSIONAL', jenjang: 'Ahli Pertama', kelasJabatan: 8, unitCode: 'BKD-MUTASI', parentCode: 'BKD-KABID-MUTASI' });
  await ok('positions', { code: 'DINKES-KADIS', name: 'Kepala Dinas Kesehatan', type: 'STRUKTURAL', eselon: 'II.a', kelasJabatan: 14, unitCode: 'DINKES' });
  await ok('positions', { code: 'DINKES-STAF', name: 'Perawat', type: 'FUNGSIONAL', jenjang: 'Terampil', kelasJabatan: 7, unitCode: 'DINKES', parentCode: 'DINKES-KADIS' });
  for (const [key, s] of Object.entries(STAFF)) {
    const year = s.nip.slice(0, 4);
    await ok('employees', {
      nip: s.nip,
      name: `Pegawai ${key}`,
      birthDate: `${year}-03-15`,
      sex: s.nip[14] === '1' ? 'L' : 'P',
      employmentType: 'PNS',
      golongan: 'III/a',
      unitCode: s.unitCode,
      positionCode: s.positionCode,
      tmtCpns: `${s.nip.slice(8, 12)}-${s.nip.slice(12, 14)}-01`,
    });
  }
  for (const s of Object.values(STAFF)) await p.projected(s.nip);
  await waitFor(async () => ((await p.db.query('SELECT count(*)::int AS n FROM unit')) as { n: number }[])[0].n === 3, 'units in K-Mob');
}
