import type { Identity } from '@app/auth';
import {
  createInSiap,
  SAMPLE_ORGANISATION,
  startTestBroker,
  startTestService,
  TEST_INTERNAL_SECRET,
  type Reply,
  type TestBroker,
  type TestService,
} from '@app/testing';
import { SIAP_SERVICE } from '../src/siap.module';

export const INTERNAL_SECRET = TEST_INTERNAL_SECRET;
export const ADMIN: Identity = { nip: '196608011988031001', name: 'Admin BKD', roles: ['ADMIN_BKD', 'PEGAWAI'], unitCode: 'BKD' };

export interface SiapHarness extends Omit<TestService, 'call'> {
  broker: TestBroker;
  /** Real HTTP to SIAP as `identity` (the BKD admin unless given; null sends none). */
  call(method: string, path: string, body?: unknown, identity?: Identity | null, contentType?: string): Promise<Reply>;
}

/** SIAP with its own database and an embedded broker, reached over real HTTP (see libs/testing). */
export async function startSiap(options: { process?: boolean; env?: Record<string, string> } = {}): Promise<SiapHarness> {
  const broker = await startTestBroker();
  const service = await startTestService(SIAP_SERVICE, { broker, process: options.process, env: options.env });
  return {
    ...service,
    get baseUrl() {
      return service.baseUrl;
    },
    broker,
    call: (method, p, body, identity = ADMIN, contentType) => service.call(method, p, { body, as: identity, contentType }),
    async close() {
      await service.close();
      await broker.stop();
    },
  };
}

/** The organisation the tests share (libs/testing): BKD with a head and an analyst under him, and Dinas Kesehatan. */
export async function seedOrganisation(h: Pick<SiapHarness, 'call'>): Promise<void> {
  await createInSiap((route, body) => h.call('POST', route, body), { ...SAMPLE_ORGANISATION, people: {} });
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
