import { seedOrganisation, startSiap, type SiapHarness } from './siap-fixture';

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
});
