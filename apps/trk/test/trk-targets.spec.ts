import { randomUUID } from 'node:crypto';
import { ADMIN, analis, analis2, freeText, kabid, kadinkes, perawat, seedSulteng, startPlatform, TODAY, wita, type Platform } from './trk-fixture';

const LAPORAN = { name: 'Menyusun laporan analisis jabatan', outputUnit: 'dokumen', standardMinutes: 60, evidenceRequired: false, positionCode: 'BKD-ANALIS' };
const target = (period: string, over: Record<string, unknown> = {}) => ({
  period,
  title: 'Laporan analisis jabatan Bidang Mutasi',
  quantity: 4,
  outputUnit: 'dokumen',
  catalogueCodes: ['BKD-ANALIS-LAPORAN'],
  ...over,
});
const laporan = (quantity: number, targetId?: string) => ({ date: TODAY, catalogueCode: 'BKD-ANALIS-LAPORAN', quantity, minutes: 60 * quantity, targetId });

describe('TRK targets (IKI)', () => {
  let p: Platform;
  let june: string;

  beforeAll(async () => {
    p = await startPlatform();
    await seedSulteng(p);
    p.clock.set(wita(TODAY, '09:00'));
    expect((await p.trk('PUT', '/catalogue/BKD-ANALIS-LAPORAN', LAPORAN)).status).toBe(200);
  }, 90_000);

  afterAll(() => p?.close());

  it.each<[string, Record<string, unknown>, number, string]>([
    ['a month that does not exist', target('2026-13'), 400, 'period'],
    ['a day instead of a period', target('2026-06-10'), 400, 'period'],
    ['no activity', target('2026-06', { catalogueCodes: [] }), 400, 'catalogueCodes'],
    ['a quantity of 0', target('2026-06', { quantity: 0 }), 400, 'quantity'],
    ['a period already over', target('2026-05'), 422, 'period'],
    ['an activity not in the catalogue', target('2026-06', { catalogueCodes: ['TIDAK-ADA'] }), 422, 'catalogueCodes'],
  ])('refuses %s naming the field', async (_case, body, status, field) => {
    const r = await p.trk('POST', '/targets', body, analis);
    expect([r.status, r.body.details[0].field]).toEqual([status, field]);
  });

  it("refuses an activity of another position's catalogue", async () => {
    const r = await p.trk('POST', '/targets', target('2026-06'), perawat);
    expect([r.status, r.body.details[0]]).toEqual([422, { field: 'catalogueCodes', message: 'kegiatan BKD-ANALIS-LAPORAN tidak ada di katalog jabatan Anda' }]);
  });

  it('is proposed by the employee and agreed by their atasan only, once', async () => {
    const proposed = await p.trk('POST', '/targets', target('2026-06'), analis);
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ nip: analis.nip, period: '2026-06', kind: 'MONTHLY', status: 'PROPOSED', achieved: 0, achievementPercent: '0.00' });
    june = proposed.body.id;

    // Not yet agreed: an entry cannot name it.
    const early = await p.trk('POST', '/activities', laporan(1, june), analis);
    expect([early.status, early.body.details[0]]).toEqual([422, { field: 'targetId', message: 'target belum disetujui atasan' }]);

    for (const who of [analis, analis2, kadinkes, ADMIN]) expect((await p.trk('POST', `/targets/${june}/agree`, undefined, who)).status).toBe(403);
    const agreed = await p.trk('POST', `/targets/${june}/agree`, undefined, kabid);
    expect([agreed.status, agreed.body.status, agreed.body.decidedBy]).toEqual([200, 'AGREED', kabid.nip]);
    expect((await p.trk('POST', `/targets/${june}/reject`, { reason: 'Terlambat' }, kabid)).status).toBe(409);
    expect((await p.trk('POST', `/targets/${randomUUID()}/agree`, undefined, kabid)).status).toBe(404);
  });

  it('is rejected with a reason', async () => {
    const annual = await p.trk('POST', '/targets', target('2026', { quantity: 40 }), analis);
    expect(annual.body.kind).toBe('ANNUAL');
    expect((await p.trk('POST', `/targets/${annual.body.id}/reject`, {}, kabid)).body.details[0].field).toBe('reason');
    const rejected = await p.trk('POST', `/targets/${annual.body.id}/reject`, { reason: 'Jumlah tidak realistis untuk satu tahun' }, kabid);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', decisionReason: 'Jumlah tidak realistis untuk satu tahun' });
    const entry = await p.trk('POST', '/activities', laporan(1, annual.body.id), analis);
    expect(entry.body.details[0]).toEqual({ field: 'targetId', message: 'target ditolak atasan' });
  });

  it("checks an entry's target: own, agreed, covering the date, and one of its activities", async () => {
    const july = await p.trk('POST', '/targets', target('2026-07'), analis);
    await p.trk('POST', `/targets/${july.body.id}/agree`, undefined, kabid);
    const cases: [Record<string, unknown>, typeof analis, string][] = [
      [laporan(1, july.body.id), analis, 'target periode 2026-07 tidak mencakup tanggal 2026-06-10'],
      [{ ...freeText(TODAY, 30), targetId: june }, analis, 'hanya kegiatan dari katalog yang dapat dikaitkan dengan target'],
      [laporan(1, june), analis2, 'target tidak ditemukan di antara target Anda'],
      [laporan(1, randomUUID()), analis, 'target tidak ditemukan di antara target Anda'],
    ];
    for (const [body, who, message] of cases) {
      const r = await p.trk('POST', '/activities', body, who);
      expect([r.status, r.body.details[0]]).toEqual([422, { field: 'targetId', message }]);
    }
    expect(await p.db.query('SELECT count(*)::int AS n FROM activity')).toEqual([{ n: 0 }]);
  });

  it('is achieved by the approved outputs of its activities in its period, named or not', async () => {
    const named = await p.trk('POST', '/activities', laporan(2, june), analis);
    expect([named.status, named.body.targetId]).toEqual([201, june]);
    const unnamed = await p.trk('POST', '/activities', laporan(1), analis);
    expect(unnamed.status).toBe(201);
    expect((await p.trk('POST', '/activities', freeText(TODAY, 30), analis)).status).toBe(201);

    const before = await p.trk('GET', `/targets?nip=${analis.nip}&period=2026-06`, undefined, kabid);
    expect(before.body.map((t: { period: string; achieved: number; pendingQuantity: number }) => [t.period, t.achieved, t.pendingQuantity])).toEqual([
      ['2026', 0, 3],
      ['2026-06', 0, 3],
    ]);
    expect((await p.trk('POST', '/activities/verify', { ids: [named.body.id, unnamed.body.id], decision: 'APPROVE' }, kabid)).status).toBe(200);
    const after = await p.trk('GET', `/targets?nip=${analis.nip}&period=2026-06`, undefined, analis);
    expect(after.body.find((t: { id: string }) => t.id === june)).toMatchObject({ achieved: 3, pendingQuantity: 0, achievementPercent: '75.00' });
    const all = await p.trk('GET', '/targets', undefined, analis);
    expect(all.body.map((t: { period: string; status: string }) => `${t.period} ${t.status}`)).toEqual(['2026 REJECTED', '2026-06 AGREED', '2026-07 AGREED']);
    expect((await p.trk('GET', `/targets?nip=${analis.nip}`, undefined, perawat)).status).toBe(403);
    expect((await p.trk('GET', `/targets?nip=${analis.nip}&period=2026-6`, undefined, kabid)).body.details[0].field).toBe('period');
  });
});
