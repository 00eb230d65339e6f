import type { Identity, Role } from '@app/auth';
import type { EventDefinition } from '@app/contracts';
import { cloudEventHeaders, newCloudEvent } from '@app/messaging';
import { createInSiap, SAMPLE_ORGANISATION, startTestBroker, startTestService, waitFor, type Reply, type TestDatabase } from '@app/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { serviceNamed } from '../../registry';
import { TUNJANGAN_SERVICE } from '../src/tunjangan.module';

export const ADMIN: Identity = { nip: '196608011988031001', name: 'Admin BKD', roles: ['ADMIN_BKD', 'PEGAWAI'], unitCode: 'BKD' };

export function person(nip: string, roles: Role[], unitCode: string, name = 'Pegawai'): Identity {
  return { nip, name, roles, unitCode };
}

export interface Platform {
  /** Sim Tunjangan's own database, to check what was (not) written. */
  db: TestDatabase;
  tunjangan(method: string, p: string, body?: unknown, identity?: Identity | null, contentType?: string): Promise<Reply>;
  siap(method: string, p: string, body?: unknown): Promise<Reply>;
  /** Publishes an event as its producer would (contract, CloudEvents headers, key); `id` repeats one to test idempotence. */
  publish<T>(definition: EventDefinition<T>, key: string, data: T, id?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * SIAP (its own process, as another app) and Sim Tunjangan (in this process), each with its own
 * database, on one embedded broker, reached over real HTTP as the gateway would (a signed identity per
 * request). K-Mob and TRK are stood in for by publishing their events as they would.
 */
export async function startPlatform(env: Record<string, string> = {}): Promise<Platform> {
  const broker = await startTestBroker();
  const siap = await startTestService(serviceNamed('siap'), { broker });
  const tunjangan = await startTestService(TUNJANGAN_SERVICE, { broker, env });
  const kafka = new Kafka({ brokers: [broker.address], clientId: 'tunjangan-test', logLevel: logLevel.NOTHING });
  let producer: Producer | null = null;
  return {
    db: tunjangan.db,
    async publish(definition, key, data, id) {
      if (!producer) {
        producer = kafka.producer();
        await producer.connect();
      }
      const source = `/sulteng/${definition.topic.split('.')[0]}`;
      const event = newCloudEvent({ source, type: definition.type, subject: key, data, ...(id ? { id } : {}) });
      await producer.send({ topic: definition.topic, acks: -1, messages: [{ key, value: JSON.stringify(data), headers: cloudEventHeaders(event) }] });
      return event.id;
    },
    tunjangan: (method, p, body, identity = ADMIN, contentType) => tunjangan.call(method, `/api/v1/tunjangan${p}`, { body, as: identity, contentType }),
    siap: (method, p, body) => siap.call(method, p, { body, as: ADMIN }),
    async close() {
      await producer?.disconnect();
      await tunjangan.close();
      await siap.close();
      await broker.stop();
    },
  };
}

/** An analyst of BKD's Bidang Mutasi and a nurse of Dinas Kesehatan, with NIPs built as SIAP requires. */
export const STAFF = {
  analis: { nip: '199003152015031002', positionCode: 'BKD-ANALIS', unitCode: 'BKD-MUTASI' },
  perawat: { nip: '199203152016032005', positionCode: 'DINKES-STAF', unitCode: 'DINKES' },
} as const;

export const analis = person(STAFF.analis.nip, ['PEGAWAI'], 'BKD-MUTASI', 'Analis');
export const opBkd = person('198001012006041099', ['PEGAWAI', 'OPERATOR_OPD'], 'BKD', 'Operator BKD');

/** SAMPLE_ORGANISATION with STAFF in it, once Sim Tunjangan's copy of SIAP holds all of them. */
export async function seedSulteng(p: Platform): Promise<void> {
  await createInSiap((route, body) => p.siap('POST', route, body), { ...SAMPLE_ORGANISATION, people: STAFF });
  const count = async (sql: string) => ((await p.db.query(sql)) as { n: number }[])[0].n;
  await waitFor(async () => (await count('SELECT count(*)::int AS n FROM employee')) === Object.keys(STAFF).length, 'employees in Sim Tunjangan');
  await waitFor(async () => (await count('SELECT count(*)::int AS n FROM unit')) === SAMPLE_ORGANISATION.units.length, 'units in Sim Tunjangan');
  await waitFor(async () => (await count('SELECT count(*)::int AS n FROM position')) === SAMPLE_ORGANISATION.positions.length, 'positions in Sim Tunjangan');
}

/** Waits until `consumer` has applied (or skipped as stale) `count` distinct events. */
export const applied = (p: Platform, consumer: string, count: number) =>
  waitFor(
    async () => ((await p.db.query('SELECT count(*)::int AS n FROM inbox_event WHERE consumer = $1', [consumer])) as { n: number }[])[0].n === count,
    `${count} events applied by ${consumer}`,
  );
