import type { Identity, Role } from '@app/auth';
import { createInSiap, SAMPLE_ORGANISATION, startTestBroker, startTestService, waitFor, type Reply, type TestDatabase } from '@app/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { serviceNamed } from '../../registry';
import { KMOB_SERVICE } from '../src/kmob.module';

export const ADMIN: Identity = { nip: '196608011988031001', name: 'Admin BKD', roles: ['ADMIN_BKD', 'PEGAWAI'], unitCode: 'BKD' };

export interface Platform {
  broker: { address: string };
  /** K-Mob's own database, to check what was (not) written. */
  db: TestDatabase;
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

/**
 * SIAP and K-Mob, each with its own database, on one embedded broker, reached over real HTTP as the
 * gateway would (a signed identity per request). K-Mob learns employees only from SIAP's events.
 */
export async function startPlatform(): Promise<Platform> {
  const broker = await startTestBroker();
  const siap = await startTestService(serviceNamed('siap'), { broker });
  const kmob = await startTestService(KMOB_SERVICE, { broker });
  const kafka = new Kafka({ brokers: [broker.address], clientId: 'kmob-test', logLevel: logLevel.NOTHING });
  const consumers: Consumer[] = [];
  const seen = new Map<string, { type: string; key: string; data: any }[]>();

  return {
    broker,
    db: kmob.db,
    kmob: (method, p, body, identity = ADMIN, contentType) => kmob.call(method, p, { body, as: identity, contentType }),
    siap: (method, p, body) => siap.call(method, p, { body, as: ADMIN }),
    async projected(nip, version = 1) {
      await waitFor(
        async () => (await kmob.db.query('SELECT 1 FROM employee WHERE nip = $1 AND version >= $2', [nip, version])).length > 0,
        `${nip} v${version} in K-Mob`,
      );
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
      await kmob.close();
      await siap.close();
      await broker.stop();
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
  await createInSiap((route, body) => p.siap('POST', route, body), {
    ...SAMPLE_ORGANISATION,
    people: STAFF,
  });
  for (const s of Object.values(STAFF)) await p.projected(s.nip);
  await waitFor(async () => ((await p.db.query('SELECT count(*)::int AS n FROM unit')) as { n: number }[])[0].n === 3, 'units in K-Mob');
}

/** BKD Sulteng's office in Palu (public maps, rounded) and a point `meters` north of it. */
export const BKD_OFFICE = { name: 'Kantor BKD Sulteng', latitude: -0.8979, longitude: 119.8594, radiusMeters: 100 };
export const north = (meters: number) => ({ latitude: BKD_OFFICE.latitude + meters / 111_195, longitude: BKD_OFFICE.longitude });

/** A check-in body from `at`, as a phone sends it. */
export const fix = (at: { latitude: number; longitude: number }, extra: Record<string, unknown> = {}) => ({
  type: 'IN',
  latitude: at.latitude,
  longitude: at.longitude,
  accuracyMeters: 10,
  mocked: false,
  deviceId: 'android-test',
  ...extra,
});

const WITA_MS = 8 * 3_600_000;
/** The province's local date and HH:MM of an instant, and the instant written with the WITA offset, as a phone sends it. */
export const wita = {
  date: (d: Date) => new Date(d.getTime() + WITA_MS).toISOString().slice(0, 10),
  time: (d: Date) => new Date(d.getTime() + WITA_MS).toISOString().slice(11, 16),
  iso: (d: Date) => `${new Date(d.getTime() + WITA_MS).toISOString().slice(0, 19)}+08:00`,
};

/** Every day a working day (07:30–16:00) in both OPDs, whatever day the suite runs on, today no holiday, and BKD's office located. */
export async function everyDayAtTheOffice(p: Platform): Promise<void> {
  const everyDay = { days: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, { start: '07:30', end: '16:00' }])) };
  for (const unitCode of ['BKD', 'DINKES']) {
    const r = await p.kmob('PUT', '/api/v1/kmob/rules/schedule/2026-01-01', { source: 'Jadwal uji: tujuh hari kerja', value: everyDay, unitCode }, ADMIN);
    if (r.status !== 200) throw new Error(`schedule of ${unitCode}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  await p.kmob('DELETE', `/api/v1/kmob/holidays/${wita.date(new Date())}`, undefined, ADMIN);
  const located = await p.kmob('PUT', '/api/v1/kmob/locations/BKD', [BKD_OFFICE], ADMIN);
  if (located.status !== 200) throw new Error(`locations: ${located.status}`);
}
