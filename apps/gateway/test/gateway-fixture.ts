import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmployeeEvents, type EmployeeState } from '@app/contracts';
import { startBroker, type KafkaBroker } from '@app/kafka-broker';
import { cloudEventHeaders, newCloudEvent } from '@app/messaging';
import { createServiceApp, loadConfig } from '@app/service-kit';
import { createTestDatabase } from '@app/testing';
export { waitFor } from '@app/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '../src/gateway.config';
import { GATEWAY_SERVICE } from '../src/gateway.module';

export const ADMIN = { nip: '196608011988031001', password: 'Rahasia-BKD-2026' };
export const JWT_SECRET = 'gateway-test-jwt-secret-0123456789abcdef';
export const INTERNAL_SECRET = 'gateway-test-internal-secret-0123456789';

export interface GatewayHarness {
  baseUrl: string;
  broker: KafkaBroker;
  db: DataSource;
  call(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }>;
  /** Publishes an employee event as SIAP does (contract, CloudEvents headers, NIP as key). */
  publishEmployee(type: keyof typeof EmployeeEvents, employee: EmployeeState): Promise<void>;
  close(): Promise<void>;
}

export async function startGateway(extraEnv: Record<string, string> = {}): Promise<GatewayHarness> {
  const database = await createTestDatabase('gateway');
  const brokerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-broker-'));
  const broker = await startBroker({ port: 0, dataDir: brokerDir, defaultPartitions: 3 });
  const config = loadConfig(GatewayConfig, {
    PORT: '1',
    DATABASE_URL: database.url,
    KAFKA_BROKERS: broker.address,
    LOG_LEVEL: 'silent',
    JWT_SECRET,
    INTERNAL_AUTH_SECRET: INTERNAL_SECRET,
    ADMIN_NIP: ADMIN.nip,
    ADMIN_PASSWORD: ADMIN.password,
    ...extraEnv,
  });
  const app: NestFastifyApplication = await createServiceApp(GATEWAY_SERVICE, config);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const db = new DataSource({ type: 'postgres', url: database.url });
  await db.initialize();
  const producer: Producer = new Kafka({ clientId: 'fake-siap', brokers: [broker.address], logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  return {
    baseUrl,
    broker,
    db,
    async call(method, p, body, token) {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(`${baseUrl}${p}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    async publishEmployee(type, employee) {
      const event = newCloudEvent({ source: '/sulteng/siap', type: EmployeeEvents[type].type, subject: employee.nip, data: { employee } });
      await producer.send({ topic: 'siap.employee.v1', acks: -1, messages: [{ key: employee.nip, value: JSON.stringify(event.data), headers: cloudEventHeaders(event) }] });
    },
    async close() {
      await producer.disconnect();
      await db.destroy();
      await app.close();
      await broker.stop();
      await database.drop();
      fs.rmSync(brokerDir, { recursive: true, force: true });
    },
  };
}

export function employee(nip: string, overrides: Partial<EmployeeState> = {}): EmployeeState {
  return {
    nip,
    name: `Pegawai ${nip.slice(-3)}`,
    birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    sex: nip[14] === '1' ? 'L' : 'P',
    employmentType: 'PNS',
    golongan: 'III/a',
    unitCode: 'BKD-MUTASI',
    unitPath: ['BKD-MUTASI', 'BKD'],
    positionCode: 'BKD-ANALIS',
    kelasJabatan: 8,
    supervisorPositionCode: 'BKD-KABID',
    tmtCpns: '2015-03-01',
    status: 'AKTIF',
    email: null,
    phone: null,
    version: 1,
    ...overrides,
  };
}
