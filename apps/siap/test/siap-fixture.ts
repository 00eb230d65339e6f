import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IDENTITY_HEADER, signIdentity, type Identity } from '@app/auth';
import { startBroker, type KafkaBroker } from '@app/kafka-broker';
import { createServiceApp, loadConfig } from '@app/service-kit';
import { createTestDatabase } from '@app/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { SiapConfig } from '../src/siap.config';
import { SIAP_SERVICE } from '../src/siap.module';

export const INTERNAL_SECRET = 'siap-test-internal-secret-0123456789abcdef';
export const ADMIN: Identity = { nip: '196608011988031001', name: 'Admin BKD', roles: ['ADMIN_BKD', 'PEGAWAI'], unitCode: 'BKD' };

/** Headers a request carries after the gateway verified `identity`. */
export async function identityHeaders(identity: Identity | null): Promise<Record<string, string>> {
  return identity ? { [IDENTITY_HEADER]: await signIdentity(identity, INTERNAL_SECRET) } : {};
}

export interface SiapHarness {
  app: NestFastifyApplication;
  broker: KafkaBroker;
  brokerDir: string;
  baseUrl: string;
  databaseUrl: string;
  /** A connection to SIAP's database, for checking what was (not) written. */
  db: DataSource;
  /** Real HTTP to SIAP as `identity` (the BKD admin unless given; null sends none). */
  call(method: string, path: string, body?: unknown, identity?: Identity | null): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** SIAP on a free port with its own database and an embedded broker, reached over real HTTP. */
export async function startSiap(): Promise<SiapHarness> {
  const db = await createTestDatabase('siap');
  const brokerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siap-broker-'));
  const broker = await startBroker({ port: 0, dataDir: brokerDir, defaultPartitions: 3 });
  const config = loadConfig(SiapConfig, { PORT: '1', DATABASE_URL: db.url, KAFKA_BROKERS: broker.address, LOG_LEVEL: 'silent', INTERNAL_AUTH_SECRET: INTERNAL_SECRET });
  const app = await createServiceApp(SIAP_SERVICE, config);
  await app.listen(0, '127.0.0.1');
  const baseUrl = `${await app.getUrl()}`.replace('[::1]', '127.0.0.1');
  const probe = new DataSource({ type: 'postgres', url: db.url });
  await probe.initialize();
  const harness: SiapHarness = {
    app,
    db: probe,
    broker,
    brokerDir,
    baseUrl,
    databaseUrl: db.url,
    async call(method, p, body, identity = ADMIN) {
      const response = await fetch(`${baseUrl}${p}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(await identityHeaders(identity)) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    async close() {
      await probe.destroy();
      await app.close();
      await harness.broker.stop();
      await db.drop();
      fs.rmSync(brokerDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** A small organisation: BKD with a head and an analyst under him, and Dinas Kesehatan. */
export async function seedOrganisation(h: SiapHarness): Promise<void> {
  const ok = async (p: string, body: unknown) => {
    const r = await h.call('POST', p, body);
    if (r.status !== 201) throw new Error(`${p} → ${r.status} ${JSON.stringify(r.body)}`);
  };
  await ok('/api/v1/siap/units', { code: 'BKD', name: 'Badan Kepegawaian Daerah' });
  await ok('/api/v1/siap/units', { code: 'BKD-MUTASI', name: 'Bidang Mutasi', parentCode: 'BKD' });
  await ok('/api/v1/siap/units', { code: 'DINKES', name: 'Dinas Kesehatan' });
  await ok('/api/v1/siap/positions', { code: 'BKD-KABAN', name: 'Kepala BKD', type: 'STRUKTURAL', eselon: 'II.a', kelasJabatan: 14, unitCode: 'BKD' });
  await ok('/api/v1/siap/positions', { code: 'BKD-KABID-MUTASI', name: 'Kepala Bidang Mutasi', type: 'STRUKTURAL', eselon: 'III.b', kelasJabatan: 11, unitCode: 'BKD-MUTASI', parentCode: 'BKD-KABAN' });
  await ok('/api/v1/siap/positions', { code: 'BKD-ANALIS', name: 'Analis Kepegawaian', type: 'FUNGSIONAL', jenjang: 'Ahli Pertama', kelasJabatan: 8, unitCode: 'BKD-MUTASI', parentCode: 'BKD-KABID-MUTASI' });
  await ok('/api/v1/siap/positions', { code: 'DINKES-PELAKSANA', name: 'Pengadministrasi Umum', type: 'PELAKSANA', kelasJabatan: 5, unitCode: 'DINKES' });
}

/** A valid registration: NIP built from the birth date, appointment month, sex and a sequence. */
export function registration(seq: number, overrides: Record<string, unknown> = {}) {
  const sequence = String(seq % 1000).padStart(3, '0');
  const year = 1970 + (Math.floor(seq / 1000) % 30);
  return {
    nip: `${year}0315201503${seq % 2 === 0 ? 1 : 2}${sequence}`,
    name: `Pegawai ${seq}`,
    birthDate: `${year}-03-15`,
    sex: seq % 2 === 0 ? 'L' : 'P',
    employmentType: 'PNS',
    golongan: 'III/a',
    unitCode: 'BKD-MUTASI',
    positionCode: 'BKD-ANALIS',
    tmtCpns: '2015-03-01',
    ...overrides,
  };
}
