import { Kafka, logLevel } from 'kafkajs';
import { registration, seedOrganisation, startSiap, type SiapHarness } from './siap-fixture';

describe('SIAP units and positions', () => {
  let h: SiapHarness;

  beforeAll(async () => {
    h = await startSiap();
    await seedOrganisation(h);
  });
  afterAll(() => h.close());

  it('updates a unit, keeping the tree free of cycles and the code unchangeable', async () => {
    const renamed = await h.call('PATCH', '/api/v1/siap/units/BKD-MUTASI', { name: 'Bidang Mutasi dan Promosi' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ code: 'BKD-MUTASI', name: 'Bidang Mutasi dan Promosi', path: ['BKD-MUTASI', 'BKD'], version: 2 });
    const cycle = await h.call('PATCH', '/api/v1/siap/units/BKD', { parentCode: 'BKD-MUTASI' });
    expect(cycle.status).toBe(400);
    expect(cycle.body.details).toEqual([{ field: 'parentCode', message: 'akan membuat siklus pada pohon unit' }]);
    const recode = await h.call('PATCH', '/api/v1/siap/units/BKD', { code: 'X' });
    expect(recode.status).toBe(400);
    expect(recode.body.details).toEqual([{ field: 'code', message: 'tidak dikenal' }]);
    expect((await h.call('GET', '/api/v1/siap/units/NOPE')).status).toBe(404);
  });

  it('updates a position and rejects a class outside 1–17', async () => {
    const updated = await h.call('PATCH', '/api/v1/siap/positions/BKD-ANALIS', { kelasJabatan: 9 });
    expect(updated.body).toMatchObject({ code: 'BKD-ANALIS', kelasJabatan: 9, parentCode: 'BKD-KABID-MUTASI', version: 2 });
    const bad = await h.call('PATCH', '/api/v1/siap/positions/BKD-ANALIS', { kelasJabatan: 18 });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'kelasJabatan', message: 'harus antara 1 dan 17' }]);
    const list = await h.call('GET', '/api/v1/siap/positions?unitCode=BKD-MUTASI');
    expect(list.body.items.map((p: { code: string }) => p.code)).toEqual(['BKD-ANALIS', 'BKD-KABID-MUTASI']);
  });

  it('re-emits a snapshot of every unit, position and employee for a new consumer', async () => {
    expect((await h.call('POST', '/api/v1/siap/employees', registration(8))).status).toBe(201);
    const r = await h.call('POST', '/api/v1/siap/events/republish');
    expect(r.status).toBe(202);
    expect(r.body).toEqual({ units: 3, positions: 7, employees: 1 });
    const snapshots = await readTopic(h, 'siap.organization.v1', (types) => types.filter((t) => t.endsWith('.snapshot')).length >= 7);
    expect(snapshots.filter((t) => t === 'siap.unit.snapshot')).toHaveLength(3);
    expect(snapshots.filter((t) => t === 'siap.position.snapshot')).toHaveLength(7);
    const employees = await readTopic(h, 'siap.employee.v1', (types) => types.includes('siap.employee.snapshot'));
    expect(employees).toEqual(['siap.employee.registered', 'siap.employee.snapshot']);
  });
});

/** The CloudEvents types on a topic, read from the beginning until `done` says enough. */
async function readTopic(h: SiapHarness, topic: string, done: (types: string[]) => boolean): Promise<string[]> {
  const consumer = new Kafka({ clientId: 'org-test', brokers: [h.broker.address], logLevel: logLevel.NOTHING }).consumer({
    groupId: `org-${topic}`,
    maxWaitTimeInMs: 200,
  });
  const types: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void types.push(String(message.headers!.ce_type)) });
  const deadline = Date.now() + 30_000;
  while (!done(types) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await consumer.disconnect();
  return types;
}
