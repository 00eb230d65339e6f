import type { Identity, Role } from '@app/auth';
import type { EventDefinition } from '@app/contracts';
import { cloudEventHeaders, newCloudEvent } from '@app/messaging';
import { createInSiap, SAMPLE_ORGANISATION, startTestBroker, startTestService, waitFor, type Reply, type TestDatabase } from '@app/testing';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { serviceNamed } from '../../registry';
import { Clock } from '../src/common/clock';
import { trkWithClock } from './trk-with-clock';

export const ADMIN: Identity = { nip: '196608011988031001', name: 'Admin BKD', roles: ['ADMIN_BKD', 'PEGAWAI'], unitCode: 'BKD' };

export function person(nip: string, roles: Role[], unitCode: string, name = 'Pegawai'): Identity {
  return { nip, name, roles, unitCode };
}

/** A clock the test sets: TRK's server time, whatever the machine's says. */
export class TestClock extends Clock {
  private instant = new Date();

  now(): Date {
    return new Date(this.instant.getTime());
  }

  /** An instant with its offset, e.g. 2026-06-10T15:59:59+08:00 (WITA). */
  set(iso: string): void {
    this.instant = new Date(iso);
  }
}

export interface Platform {
  clock: TestClock;
  /** TRK's own database, to check what was (not) written. */
  db: TestDatabase;
  trk(method: string, p: string, body?: unknown, identity?: Identity | null, contentType?: string): Promise<Reply>;
  siap(method: string, p: string, body?: unknown): Promise<Reply>;
  /** Every message on `topic` so far, read with kafkajs from the beginning, once there are at least `atLeast`. */
  messages(topic: string, atLeast: number): Promise<{ type: string; key: string; data: any }[]>;
  /** The test broker, for an independent client (kcat). */
  brokerAddress: string;
  /** Publishes an event as its producer would (contract, CloudEvents headers, key); `id` repeats one to test idempotence. */
  publish<T>(definition: EventDefinition<T>, key: string, data: T, id?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * SIAP and TRK, each with its own database, on one embedded broker, reached over real HTTP as the
 * gateway would (a signed identity per request). TRK learns employees only from SIAP's events.
 */
export async function startPlatform(env: Record<string, string> = {}): Promise<Platform> {
  const clock = new TestClock();
  const broker = await startTestBroker();
  const siap = await startTestService(serviceNamed('siap'), { broker });
  const trk = await startTestService(trkWithClock(clock), { broker, env });
  const kafka = new Kafka({ brokers: [broker.address], clientId: 'trk-test', logLevel: logLevel.NOTHING });
  const consumers: Consumer[] = [];
  let producer: Producer | null = null;
  const seen = new Map<string, { type: string; key: string; data: any }[]>();
  return {
    clock,
    db: trk.db,
    brokerAddress: broker.address,
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
    trk: (method, p, body, identity = ADMIN, contentType) => trk.call(method, `/api/v1/trk${p}`, { body, as: identity, contentType }),
    siap: (method, p, body) => siap.call(method, p, { body, as: ADMIN }),
    async messages(topic, atLeast) {
      if (!seen.has(topic)) {
        seen.set(topic, []);
        const consumer = kafka.consumer({ groupId: `trk-test-${topic}-${Date.now()}`, maxWaitTimeInMs: 100 });
        consumers.push(consumer);
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ message }) => {
            seen.get(topic)!.push({ type: String(message.headers?.ce_type), key: String(message.key), data: JSON.parse(String(message.value)) });
          },
        });
      }
      await waitFor(() => seen.get(topic)!.length >= atLeast, `${atLeast} messages on ${topic}`, 30_000);
      return [...seen.get(topic)!];
    },
    async close() {
      for (const consumer of consumers) await consumer.disconnect();
      await producer?.disconnect();
      await trk.close();
      await siap.close();
      await broker.stop();
    },
  };
}

/**
 * BKD (head's position vacant → Bidang Mutasi's head → two analysts; a data clerk under the vacant
 * head) and Dinas Kesehatan (head → nurse). NIPs are built as SIAP requires.
 */
export const STAFF = {
  kabid: { nip: '197503152005031001', positionCode: 'BKD-KABID-MUTASI', unitCode: 'BKD-MUTASI' },
  analis: { nip: '199003152015031002', positionCode: 'BKD-ANALIS', unitCode: 'BKD-MUTASI' },
  analis2: { nip: '199103152015032003', positionCode: 'BKD-ANALIS', unitCode: 'BKD-MUTASI' },
  pengelola: { nip: '198505102010011006', positionCode: 'BKD-OPERATOR', unitCode: 'BKD' },
  kadinkes: { nip: '197203152000031004', positionCode: 'DINKES-KADIS', unitCode: 'DINKES' },
  perawat: { nip: '199203152016032005', positionCode: 'DINKES-STAF', unitCode: 'DINKES' },
} as const;

export const kabid = person(STAFF.kabid.nip, ['PEGAWAI', 'ATASAN'], 'BKD-MUTASI', 'Kabid Mutasi');
export const analis = person(STAFF.analis.nip, ['PEGAWAI'], 'BKD-MUTASI', 'Analis');
export const analis2 = person(STAFF.analis2.nip, ['PEGAWAI'], 'BKD-MUTASI', 'Analis 2');
export const pengelola = person(STAFF.pengelola.nip, ['PEGAWAI'], 'BKD', 'Pengelola Data');
export const kadinkes = person(STAFF.kadinkes.nip, ['PEGAWAI', 'ATASAN'], 'DINKES', 'Kadis Kesehatan');
export const perawat = person(STAFF.perawat.nip, ['PEGAWAI'], 'DINKES', 'Perawat');
export const opBkd = person('198001012006041099', ['PEGAWAI', 'OPERATOR_OPD'], 'BKD', 'Operator BKD');
export const opDinkes = person('198001012006041098', ['PEGAWAI', 'OPERATOR_OPD'], 'DINKES', 'Operator Dinkes');

/** SAMPLE_ORGANISATION with STAFF in it, once TRK's copy of SIAP holds all of them. */
export async function seedSulteng(p: Platform): Promise<void> {
  await createInSiap((route, body) => p.siap('POST', route, body), { ...SAMPLE_ORGANISATION, people: STAFF });
  const count = async (sql: string) => ((await p.db.query(sql)) as { n: number }[])[0].n;
  await waitFor(async () => (await count('SELECT count(*)::int AS n FROM employee')) === Object.keys(STAFF).length, 'employees in TRK');
  await waitFor(async () => (await count('SELECT count(*)::int AS n FROM unit')) === SAMPLE_ORGANISATION.units.length, 'units in TRK');
  await waitFor(async () => (await count('SELECT count(*)::int AS n FROM position')) === SAMPLE_ORGANISATION.positions.length, 'positions in TRK');
}

/** A working Wednesday in WITA (no holiday in June 2026 before the 16th), at a local time HH:MM[:SS]. */
export const TODAY = '2026-06-10';
export const wita = (date: string, time: string) => `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;

/** A free-text activity of `minutes` on `date`. */
export const freeText = (date: string, minutes: number, description = 'Menyusun telaahan staf mutasi') => ({ date, description, quantity: 1, minutes });

/** The smallest PNG signature followed by filler: enough for the content check. */
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]).toString('base64');
