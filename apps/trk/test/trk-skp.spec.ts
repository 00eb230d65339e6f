import { waitFor } from '@app/testing';
import { ADMIN, analis, analis2, kabid, kadinkes, opBkd, opDinkes, seedSulteng, startPlatform, wita, type Platform } from './trk-fixture';

const VALUES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'];
/** Every BerAKHLAK value rated alike, so the overall rating is consistent with them. */
const rating = (hasil: string, perilaku: string, note?: string) => ({
  hasil,
  perilaku,
  perilakuValues: Object.fromEntries(VALUES.map((v) => [v, perilaku])),
  ...(note ? { note } : {}),
});
const SANGAT_BAIK = rating('DI_ATAS', 'DI_ATAS');

describe('TRK annual SKP: predikat, organisation rating and its distribution pattern', () => {
  let p: Platform;
  const rate = (nip: string, body: unknown, who = kabid) => p.trk('PUT', `/skp/2026/ratings/${nip}`, body, who);

  beforeAll(async () => {
    p = await startPlatform();
    await seedSulteng(p);
    p.clock.set(wita('2026-12-15', '10:00'));
  }, 90_000);

  afterAll(() => p?.close());

  it.each([
    { hasil: 'DI_ATAS', perilaku: 'DI_BAWAH', predikat: 'KURANG' },
    { hasil: 'DI_ATAS', perilaku: 'SESUAI', predikat: 'BAIK' },
    { hasil: 'DI_ATAS', perilaku: 'DI_ATAS', predikat: 'SANGAT_BAIK' },
    { hasil: 'SESUAI', perilaku: 'DI_BAWAH', predikat: 'KURANG' },
    { hasil: 'SESUAI', perilaku: 'SESUAI', predikat: 'BAIK' },
    { hasil: 'SESUAI', perilaku: 'DI_ATAS', predikat: 'BAIK' },
    { hasil: 'DI_BAWAH', perilaku: 'DI_BAWAH', predikat: 'SANGAT_KURANG' },
    { hasil: 'DI_BAWAH', perilaku: 'SESUAI', predikat: 'BUTUH_PERBAIKAN' },
    { hasil: 'DI_BAWAH', perilaku: 'DI_ATAS', predikat: 'BUTUH_PERBAIKAN' },
  ])('hasil $hasil with perilaku $perilaku gets $predikat', async ({ hasil, perilaku, predikat }) => {
    const r = await rate(analis.nip, rating(hasil, perilaku, 'Penilaian akhir tahun'));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      year: 2026,
      nip: analis.nip,
      unitCode: 'BKD-MUTASI',
      hasil,
      perilaku,
      predikat,
      ratedBy: kabid.nip,
      note: 'Penilaian akhir tahun',
    });
  });

  it('is given by the atasan only, never by the employee', async () => {
    const own = await rate(analis.nip, SANGAT_BAIK, analis);
    expect([own.status, own.body.message]).toEqual([403, 'Anda tidak dapat menilai SKP Anda sendiri; penilaian oleh atasan Anda']);
    // BKD and the unit's operator only where the atasan position is vacant: not the analyst's.
    for (const who of [analis2, kadinkes, opBkd, ADMIN]) expect((await rate(analis.nip, SANGAT_BAIK, who)).status).toBe(403);
    expect((await rate(kabid.nip, SANGAT_BAIK, kabid)).status).toBe(403);
    expect((await rate('199901012020121001', SANGAT_BAIK)).status).toBe(404);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a value missing', { ...SANGAT_BAIK, perilakuValues: { ...SANGAT_BAIK.perilakuValues, KOMPETEN: undefined } }, 'perilakuValues.KOMPETEN'],
    ['a value that is not BerAKHLAK', { ...SANGAT_BAIK, perilakuValues: { ...SANGAT_BAIK.perilakuValues, JUJUR: 'SESUAI' } }, 'perilakuValues.JUJUR'],
    ['di atas with no value di atas', { ...rating('SESUAI', 'SESUAI'), perilaku: 'DI_ATAS' }, 'perilaku'],
    ['an unknown rating', { ...SANGAT_BAIK, hasil: 'ISTIMEWA' }, 'hasil'],
    ['no perilaku values', { hasil: 'SESUAI', perilaku: 'SESUAI' }, 'perilakuValues'],
  ])('refuses %s naming the field', async (_case, body, field) => {
    const r = await rate(analis.nip, body);
    expect([r.status, r.body.details[0].field]).toEqual([400, field]);
  });

  it('refuses a year that is not one', async () => {
    expect((await p.trk('PUT', `/skp/20x6/ratings/${analis.nip}`, SANGAT_BAIK, kabid)).body.details[0].field).toBe('year');
  });

  it('caps Sangat Baik at 70% of an Istimewa unit, naming the predikat, until BKD overrides with a reason', async () => {
    const istimewa = { rating: 'ISTIMEWA', reason: 'Capaian kinerja Bidang Mutasi 2026 di atas target' };
    expect((await p.trk('PUT', '/skp/2026/units/BKD-MUTASI/organisation-rating', istimewa, analis)).status).toBe(403);
    expect((await p.trk('PUT', '/skp/2026/units/BKD-MUTASI/organisation-rating', { rating: 'LUAR_BIASA', reason: 'x' }, kabid)).body.details[0].field).toBe(
      'rating',
    );
    const set = await p.trk('PUT', '/skp/2026/units/BKD-MUTASI/organisation-rating', istimewa, kabid);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ unitHead: kabid.nip, organisationRating: { rating: 'ISTIMEWA', label: 'Istimewa', ratedBy: kabid.nip } });

    expect((await rate(analis.nip, SANGAT_BAIK)).status).toBe(200);
    const unrated = await p.trk('POST', '/skp/2026/units/BKD-MUTASI/finalise', undefined, kabid);
    expect([unrated.status, unrated.body.details[0].field, unrated.body.message]).toEqual([
      422,
      'ratings',
      `2 pegawai unit BKD-MUTASI belum dinilai: ${kabid.nip}, ${analis2.nip}`,
    ]);
    // The head of Bidang Mutasi answers to the vacant Kepala BKD: BKD rates them.
    expect((await rate(kabid.nip, SANGAT_BAIK, ADMIN)).status).toBe(200);
    expect((await rate(analis2.nip, SANGAT_BAIK)).status).toBe(200);

    const view = await p.trk('GET', '/skp/2026/units/BKD-MUTASI', undefined, kabid);
    expect(view.body.ratings.map((r: { nip: string; predikatLabel: string }) => r.predikatLabel)).toEqual(['Sangat Baik', 'Sangat Baik', 'Sangat Baik']);
    expect(view.body.unrated).toEqual([]);
    expect(view.body.distribution).toMatchObject({
      employees: 3,
      counts: { SANGAT_BAIK: 3, BAIK: 0 },
      limits: [{ predikat: ['SANGAT_BAIK'], label: 'Sangat Baik', most: 2, least: null, actual: 3 }],
      violations: [{ predikat: ['SANGAT_BAIK'], rule: 'max', limit: 2, actual: 3, message: 'Sangat Baik paling banyak 2 dari 3 pegawai (70%), ada 3' }],
    });
    for (const who of [opBkd, ADMIN]) expect((await p.trk('GET', '/skp/2026/units/BKD-MUTASI', undefined, who)).status).toBe(200);
    for (const who of [analis, opDinkes, kadinkes]) expect((await p.trk('GET', '/skp/2026/units/BKD-MUTASI', undefined, who)).status).toBe(403);

    const capped = await p.trk('POST', '/skp/2026/units/BKD-MUTASI/finalise', undefined, kabid);
    expect(capped.status).toBe(422);
    expect(capped.body.message).toBe(
      'Distribusi predikat Sangat Baik tidak sesuai pola organisasi Istimewa: Sangat Baik paling banyak 2 dari 3 pegawai (70%), ada 3',
    );
    expect(capped.body.details).toEqual([{ field: 'predikat', message: 'Sangat Baik paling banyak 2 dari 3 pegawai (70%), ada 3' }]);
    expect(capped.body.info).toEqual({ violations: [{ predikat: ['SANGAT_BAIK'], rule: 'max', limit: 2, actual: 3 }] });

    const reason = 'Unit 3 pegawai: pola 70% tidak dapat dipenuhi (Nota Dinas Kepala BKD)';
    expect((await p.trk('POST', '/skp/2026/units/BKD-MUTASI/override', { reason }, kabid)).status).toBe(403);
    expect((await p.trk('POST', '/skp/2026/units/BKD-MUTASI/override', {}, ADMIN)).body.details[0].field).toBe('reason');
    const overridden = await p.trk('POST', '/skp/2026/units/BKD-MUTASI/override', { reason }, ADMIN);
    expect(overridden.body.override).toMatchObject({ reason, by: ADMIN.nip });

    expect((await p.trk('POST', '/skp/2026/units/BKD-MUTASI/finalise', undefined, analis)).status).toBe(403);
    const finalised = await p.trk('POST', '/skp/2026/units/BKD-MUTASI/finalise', undefined, kabid);
    expect(finalised.status).toBe(200);
    expect(finalised.body.finalised).toMatchObject({ by: kabid.nip });
  });

  it('locks a finalised unit’s ratings and publishes the ratings and the finalisation', async () => {
    const again = await rate(analis.nip, rating('SESUAI', 'SESUAI'));
    expect([again.status, again.body.message]).toEqual([409, 'SKP 2026 unit BKD-MUTASI sudah difinalisasi; nilai pegawai tidak dapat diubah']);
    expect((await p.trk('PUT', '/skp/2026/units/BKD-MUTASI/organisation-rating', { rating: 'BAIK', reason: 'Koreksi' }, kabid)).status).toBe(409);
    expect((await p.trk('POST', '/skp/2026/units/BKD-MUTASI/finalise', undefined, ADMIN)).status).toBe(409);

    // Nine cells, the analyst once more, the head and the second analyst; then the finalisation.
    const messages = await p.messages('trk.skp.v1', 13);
    expect(messages.filter((m) => m.type === 'trk.skp.rated')).toHaveLength(12);
    const last = messages.filter((m) => m.type === 'trk.skp.rated' && m.key === analis.nip).at(-1)!;
    expect(last.data).toMatchObject({ year: 2026, predikat: 'SANGAT_BAIK', hasil: 'DI_ATAS', perilaku: 'DI_ATAS', ratedBy: kabid.nip });
    const finalised = messages.find((m) => m.type === 'trk.skp.finalised')!;
    expect(finalised.key).toBe('unit:BKD-MUTASI');
    expect(finalised.data).toMatchObject({
      year: 2026,
      unitCode: 'BKD-MUTASI',
      organisationRating: 'ISTIMEWA',
      employees: 3,
      counts: { SANGAT_BAIK: 3, BAIK: 0, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 },
      violations: [expect.objectContaining({ predikat: ['SANGAT_BAIK'], rule: 'max', limit: 2, actual: 3 })],
      override: { reason: expect.stringContaining('Unit 3 pegawai'), by: ADMIN.nip },
      finalisedBy: kabid.nip,
    });
  });

  it('shows the rating so far with what it rests on: the year’s published scores and its targets', async () => {
    const started = await p.trk('POST', '/months/2026-11/close');
    expect(started.status).toBe(202);
    await waitFor(async () => (await p.trk('GET', `/jobs/${started.body.id}`)).body.status === 'DONE', 'the close of November');

    const basis = await p.trk('GET', `/skp/2026/ratings/${analis.nip}`, undefined, kabid);
    expect(basis.status).toBe(200);
    expect(basis.body).toMatchObject({
      year: 2026,
      nip: analis.nip,
      rating: { predikat: 'SANGAT_BAIK', predikatLabel: 'Sangat Baik', ratedBy: kabid.nip },
      months: [{ month: '2026-11', version: 1, score: '0.00', approvedMinutes: 0, normMinutes: 6000 }],
      targets: [],
    });
    expect((await p.trk('GET', `/skp/2026/ratings/${analis.nip}`, undefined, analis)).status).toBe(200);
    expect((await p.trk('GET', `/skp/2026/ratings/${analis.nip}`, undefined, analis2)).status).toBe(403);
    expect((await p.trk('GET', `/skp/2026/ratings/${kadinkes.nip}`, undefined, kadinkes)).body).toMatchObject({
      rating: null,
      months: [expect.objectContaining({ month: '2026-11' })],
    });
  });

  it('needs the organisation’s rating before a unit is finalised', async () => {
    const r = await p.trk('POST', '/skp/2026/units/DINKES/finalise', undefined, kadinkes);
    expect([r.status, r.body.details[0].field]).toEqual([422, 'organisationRating']);
    expect((await p.trk('POST', '/skp/2026/units/TIDAK-ADA/finalise')).status).toBe(404);
  });

  it("makes the unit head's hasil kerja follow their unit's rating, before and after it changes", async () => {
    const rateHead = (body: unknown) => p.trk('PUT', `/skp/2026/ratings/${kadinkes.nip}`, body, ADMIN);
    const early = await rateHead(rating('SESUAI', 'SESUAI'));
    expect([early.status, early.body.details]).toEqual([
      422,
      [{ field: 'hasil', message: 'hasil kerja kepala unit mengikuti nilai organisasi unit DINKES, yang belum ditetapkan; tetapkan nilai organisasi dahulu' }],
    ]);
    const baik = { rating: 'BAIK', reason: 'Capaian indikator kinerja Dinas Kesehatan 2026 sesuai target' };
    expect((await p.trk('PUT', '/skp/2026/units/DINKES/organisation-rating', baik, kadinkes)).status).toBe(200);
    const above = await rateHead(rating('DI_ATAS', 'SESUAI'));
    expect([above.status, above.body.details[0]]).toEqual([
      422,
      { field: 'hasil', message: 'hasil kerja kepala unit mengikuti nilai organisasi unit DINKES (Baik): Sesuai ekspektasi' },
    ]);
    const rated = await rateHead(rating('SESUAI', 'SESUAI'));
    expect(rated.body).toMatchObject({ nip: kadinkes.nip, hasil: 'SESUAI', predikat: 'BAIK', ratedBy: ADMIN.nip });

    // Corrected downwards: the head's hasil and predikat follow, announced like any rating.
    const lower = { rating: 'BUTUH_PERBAIKAN', reason: 'Koreksi: capaian indikator di bawah target' };
    const view = await p.trk('PUT', '/skp/2026/units/DINKES/organisation-rating', lower, kadinkes);
    expect(view.body.ratings.find((r: { nip: string }) => r.nip === kadinkes.nip)).toMatchObject({
      hasil: 'DI_BAWAH',
      perilaku: 'SESUAI',
      predikat: 'BUTUH_PERBAIKAN',
      ratedBy: kadinkes.nip,
    });
    const events = (await p.messages('trk.skp.v1', 15)).filter((m) => m.type === 'trk.skp.rated' && m.key === kadinkes.nip);
    expect(events.map((m) => m.data.predikat)).toEqual(['BAIK', 'BUTUH_PERBAIKAN']);
  });
});
