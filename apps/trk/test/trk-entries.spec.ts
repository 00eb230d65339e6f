import { ADMIN, analis, analis2, freeText, kabid, perawat, PNG, seedSulteng, startPlatform, TODAY, wita, type Platform } from './trk-fixture';

const YESTERDAY = '2026-06-09';
const LAPORAN = { name: 'Menyusun laporan analisis jabatan', outputUnit: 'dokumen', standardMinutes: 60, evidenceRequired: false, positionCode: 'BKD-ANALIS' };

describe('TRK daily entries', () => {
  let p: Platform;

  beforeAll(async () => {
    // A small upload limit, so the size check is reached with a small file.
    p = await startPlatform({ UPLOAD_MAX_BYTES: '4096' });
    await seedSulteng(p);
    p.clock.set(wita(TODAY, '09:00'));
    expect((await p.trk('PUT', '/catalogue/BKD-ANALIS-LAPORAN', LAPORAN)).status).toBe(200);
  }, 90_000);

  afterAll(() => p?.close());

  it('accepts today’s entry at 15:59:59 WITA and refuses it at 16:00:00 with the reason', async () => {
    p.clock.set(wita(TODAY, '15:59:59'));
    const onTime = await p.trk('POST', '/activities', freeText(TODAY, 30), analis);
    expect(onTime.status).toBe(201);
    expect(onTime.body).toMatchObject({ nip: analis.nip, date: TODAY, unitCode: 'BKD-MUTASI', status: 'PENDING', minutes: 30, backdatingWindowId: null });

    p.clock.set(wita(TODAY, '16:00:00'));
    const late = await p.trk('POST', '/activities', freeText(TODAY, 30), analis);
    expect(late.status).toBe(422);
    expect(late.body.details).toEqual([{ field: 'date', message: 'batas pengisian 16:00 WITA telah lewat' }]);
    expect(await p.db.query('SELECT count(*)::int AS n FROM activity WHERE nip = $1', [analis.nip])).toEqual([{ n: 1 }]);
  });

  it("keeps a unit's own cut-off, nearest unit first", async () => {
    const own = { source: 'Keputusan Kepala BKD: batas pengisian Bidang Mutasi pukul 17:00', value: { cutoff: '17:00' }, unitCode: 'BKD-MUTASI' };
    expect((await p.trk('PUT', '/rules/norm/2026-06-01', own, kabid)).status).toBe(403);
    expect((await p.trk('PUT', '/rules/norm/2026-06-01', { ...own, value: { cutoff: '17:00', normMinutes: 1 } })).status).toBe(400);
    expect((await p.trk('PUT', '/rules/norm/2026-06-01', own)).status).toBe(200);
    p.clock.set(wita(TODAY, '16:30'));
    expect((await p.trk('POST', '/activities', freeText(TODAY, 15), analis2)).status).toBe(201);
    // Dinas Kesehatan keeps the province's 16:00.
    const dinkes = await p.trk('POST', '/activities', freeText(TODAY, 15), perawat);
    expect(dinkes.status).toBe(422);
    expect(dinkes.body.details[0].message).toBe('batas pengisian 16:00 WITA telah lewat');
    expect((await p.trk('DELETE', '/rules/norm/2026-06-01?unitCode=BKD-MUTASI')).status).toBe(204);
  });

  it('refuses a past date, then allows it inside a window BKD opened for the unit, until it closes', async () => {
    p.clock.set(wita(TODAY, '10:00'));
    const refused = await p.trk('POST', '/activities', freeText(YESTERDAY, 60), analis);
    expect(refused.status).toBe(422);
    expect(refused.body.details[0]).toEqual({
      field: 'date',
      message: 'hanya hari kerja hari ini yang dapat diisi, sebelum pukul 16:00 WITA; tanggal yang lalu hanya dalam masa pengisian susulan',
    });

    const window = {
      unitCode: 'BKD',
      from: '2026-06-08',
      to: YESTERDAY,
      closesAt: wita('2026-06-12', '16:00'),
      reason: 'Gangguan jaringan di Palu 8–9 Juni 2026',
    };
    expect((await p.trk('POST', '/backdating-windows', window, kabid)).status).toBe(403);
    expect((await p.trk('POST', '/backdating-windows', { ...window, to: '2026-06-11' })).body.details[0].field).toBe('to');
    const opened = await p.trk('POST', '/backdating-windows', window);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ unitCode: 'BKD', from: '2026-06-08', to: YESTERDAY, openedBy: ADMIN.nip, reason: window.reason, entries: 0 });
    expect(opened.body.opensAt).toBe('2026-06-10T02:00:00.000Z');

    // Bidang Mutasi is under BKD: the window covers it. Dinas Kesehatan is not.
    const allowed = await p.trk('POST', '/activities', freeText(YESTERDAY, 60), analis);
    expect(allowed.status).toBe(201);
    expect(allowed.body.backdatingWindowId).toBe(opened.body.id);
    expect((await p.trk('POST', '/activities', freeText(YESTERDAY, 60), perawat)).status).toBe(422);
    // Today's entry before the cut-off needs no window and names none.
    expect((await p.trk('POST', '/activities', freeText(TODAY, 10), analis)).body.backdatingWindowId).toBeNull();
    // Outside the window's dates, still refused.
    expect((await p.trk('POST', '/activities', freeText('2026-06-05', 60), analis)).status).toBe(422);

    const listed = await p.trk('GET', '/backdating-windows?unitCode=BKD');
    expect(listed.body).toEqual([expect.objectContaining({ id: opened.body.id, openedBy: ADMIN.nip, entries: 1 })]);

    p.clock.set(wita('2026-06-12', '16:00:00'));
    const closed = await p.trk('POST', '/activities', freeText('2026-06-08', 60), analis);
    expect(closed.status).toBe(422);
    expect(closed.body.details[0].message).toBe('masa pengisian susulan untuk tanggal ini telah ditutup');
    p.clock.set(wita(TODAY, '10:00'));
  });

  it('refuses a future date', async () => {
    const r = await p.trk('POST', '/activities', freeText('2026-06-11', 30), analis);
    expect(r.status).toBe(422);
    expect(r.body.details[0].field).toBe('date');
  });

  it('refuses minutes above the catalogue standard with the reason', async () => {
    const over = await p.trk('POST', '/activities', { date: TODAY, catalogueCode: 'BKD-ANALIS-LAPORAN', quantity: 2, minutes: 121 }, analis);
    expect(over.status).toBe(422);
    expect(over.body.details).toEqual([{ field: 'minutes', message: 'melebihi waktu standar: paling banyak 120 menit (2 × 60 menit)' }]);
    const fits = await p.trk('POST', '/activities', { date: TODAY, catalogueCode: 'BKD-ANALIS-LAPORAN', quantity: 2, minutes: 120 }, analis);
    expect(fits.status).toBe(201);
    expect(fits.body).toMatchObject({ catalogueCode: 'BKD-ANALIS-LAPORAN', catalogueName: LAPORAN.name, standardMinutes: 60, description: null });
    // Another position's activity is not the nurse's to enter.
    const notHers = await p.trk('POST', '/activities', { date: TODAY, catalogueCode: 'BKD-ANALIS-LAPORAN', quantity: 1, minutes: 30 }, perawat);
    expect(notHers.status).toBe(422);
    expect(notHers.body.details[0].field).toBe('catalogueCode');
  });

  it("refuses entries beyond the day's working minutes, and counts them under a lock", async () => {
    // analis has 30 + 10 + 120 minutes today; the day holds 450.
    const over = await p.trk('POST', '/activities', freeText(TODAY, 291), analis);
    expect(over.status).toBe(422);
    expect(over.body.details).toEqual([{ field: 'minutes', message: 'jumlah menit hari itu melebihi jam kerja (450 menit); sisa 290 menit' }]);
    expect((await p.trk('POST', '/activities', freeText(TODAY, 290), analis)).status).toBe(201);

    // analis2 has 15 minutes today: of five entries of 100 sent at once, four fit.
    const replies = await Promise.all([1, 2, 3, 4, 5].map(() => p.trk('POST', '/activities', freeText(TODAY, 100), analis2)));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 422]);
    expect(await p.db.query('SELECT sum(minutes)::int AS total FROM activity WHERE nip = $1 AND activity_date = $2', [analis2.nip, TODAY])).toEqual([
      { total: 415 },
    ]);
  });

  it('names the field of bad input', async () => {
    const both = await p.trk('POST', '/activities', { ...freeText(TODAY, 10), catalogueCode: 'BKD-ANALIS-LAPORAN' }, perawat);
    expect(both.status).toBe(400);
    expect(both.body.details[0].field).toBe('description');
    const neither = await p.trk('POST', '/activities', { date: TODAY, quantity: 1, minutes: 10 }, perawat);
    expect(neither.body.details[0].field).toBe('catalogueCode');
    const cases: [Record<string, unknown>, string][] = [
      [{ date: '2026-02-30' }, 'date'],
      [{ minutes: 0 }, 'minutes'],
      [{ quantity: 1.5 }, 'quantity'],
      [{ targetId: 'not-a-uuid' }, 'targetId'],
      [{ description: 'a'.repeat(501) }, 'description'],
      [{ description: 'baris\u0007bel' }, 'description'],
      [{ evidence: 'abc' }, 'evidence'],
    ];
    for (const [change, field] of cases) {
      const r = await p.trk('POST', '/activities', { ...freeText(TODAY, 10), ...change }, perawat);
      expect([r.status, r.body.details?.[0]?.field]).toEqual([400, field]);
    }
    expect(await p.db.query('SELECT count(*)::int AS n FROM activity WHERE nip = $1', [perawat.nip])).toEqual([{ n: 0 }]);
  });

  it('requires evidence where the catalogue says so, and checks it by its content and size', async () => {
    const foto = { name: 'Pelayanan konsultasi kepegawaian', outputUnit: 'kegiatan', standardMinutes: 60, evidenceRequired: true, positionCode: 'DINKES-STAF' };
    expect((await p.trk('PUT', '/catalogue/DINKES-KONSULTASI', foto)).status).toBe(200);
    const entry = { date: TODAY, catalogueCode: 'DINKES-KONSULTASI', quantity: 1, minutes: 45 };
    const missing = await p.trk('POST', '/activities', entry, perawat);
    expect([missing.status, missing.body.details]).toEqual([
      400,
      [{ field: 'evidence', message: 'wajib dilampirkan untuk kegiatan ini: foto atau dokumen (JPEG, PNG atau PDF)' }],
    ]);
    const gif = await p.trk(
      'POST',
      '/activities',
      { ...entry, evidence: { contentType: 'image/png', dataBase64: Buffer.from('GIF89a-not-allowed').toString('base64') } },
      perawat,
    );
    expect([gif.status, gif.body.details]).toEqual([400, [{ field: 'evidence.dataBase64', message: 'harus berupa berkas JPEG, PNG atau PDF' }]]);
    const claimed = await p.trk('POST', '/activities', { ...entry, evidence: { contentType: 'application/pdf', dataBase64: PNG } }, perawat);
    expect([claimed.status, claimed.body.details]).toEqual([400, [{ field: 'evidence.contentType', message: 'isi berkas adalah PNG, bukan PDF' }]]);
    const big = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.alloc(5000)]).toString('base64');
    const tooBig = await p.trk('POST', '/activities', { ...entry, evidence: { contentType: 'image/png', dataBase64: big } }, perawat);
    expect([tooBig.status, tooBig.body.details[0].field]).toEqual([413, 'evidence.dataBase64']);
    expect(await p.db.query('SELECT count(*)::int AS n FROM stored_file')).toEqual([{ n: 0 }]);

    const stored = await p.trk('POST', '/activities', { ...entry, evidence: { contentType: 'image/png', dataBase64: PNG } }, perawat);
    expect(stored.status).toBe(201);
    const url = `/activities/${stored.body.id}/evidence`;
    const seen = await p.trk('GET', url, undefined, perawat);
    expect([seen.status, seen.headers['content-type'], Buffer.from(seen.body, 'binary').length > 0]).toEqual([200, 'image/png', true]);
    expect((await p.trk('GET', url, undefined, analis)).status).toBe(403);
    expect((await p.trk('GET', url, undefined, kabid)).status).toBe(403);
  });

  it('publishes every accepted entry on trk.activity.v1, keyed by NIP', async () => {
    const [count] = (await p.db.query('SELECT count(*)::int AS n FROM activity')) as { n: number }[];
    const messages = await p.messages('trk.activity.v1', count.n);
    expect(messages.every((m) => m.type === 'trk.activity.recorded')).toBe(true);
    const late = messages.find((m) => m.data.backdatingWindowId !== null)!;
    expect(late).toMatchObject({ key: analis.nip, data: { nip: analis.nip, date: YESTERDAY, minutes: 60, catalogueCode: null, hasEvidence: false } });
    expect(messages.find((m) => m.data.hasEvidence)).toMatchObject({ key: perawat.nip, data: { catalogueCode: 'DINKES-KONSULTASI', standardMinutes: 60 } });
  });
});
