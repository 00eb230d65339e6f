import { CalendarEvents } from '@app/contracts';
import { waitFor } from '@app/testing';
import { ADMIN, analis, kabid, opBkd, opDinkes, seedSulteng, startPlatform, type Platform } from './trk-fixture';

const activity = (extra: Record<string, unknown> = {}) => ({
  name: 'Menyusun laporan analisis jabatan',
  outputUnit: 'dokumen',
  standardMinutes: 90,
  evidenceRequired: true,
  positionCode: 'BKD-ANALIS',
  ...extra,
});

const HEADER = 'code,name,outputUnit,standardMinutes,evidenceRequired,positionType,positionCode';

describe('TRK activity catalogue and rules', () => {
  let p: Platform;

  beforeAll(async () => {
    p = await startPlatform();
    await seedSulteng(p);
  }, 90_000);

  afterAll(() => p?.close());

  it("is seeded with the teachers' template, 48/13/10/16/13", async () => {
    const r = await p.trk('GET', '/catalogue?positionType=GURU', undefined, analis);
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(10);
    const shares = Object.fromEntries(r.body.map((a: { group: string; share: number }) => [a.group, a.share]));
    expect(shares).toEqual({ MENGAJAR: 48, PERENCANAAN: 13, PENILAIAN: 10, BIMBINGAN: 16, TUGAS_TAMBAHAN: 13 });
    expect(r.body[0]).toMatchObject({
      code: 'GURU-BIMBINGAN-01',
      outputUnit: 'kegiatan',
      standardMinutes: 60,
      positionCode: null,
      unitCode: null,
      updatedBy: 'seed',
    });
  });

  it('lets BKD manage any activity and an operator those of their OPD’s positions only', async () => {
    expect((await p.trk('PUT', '/catalogue/BKD-ANALIS-01', activity(), analis)).status).toBe(403);
    expect((await p.trk('PUT', '/catalogue/BKD-ANALIS-01', activity(), opDinkes)).status).toBe(403);
    const byOperator = await p.trk('PUT', '/catalogue/BKD-ANALIS-01', activity(), opBkd);
    expect(byOperator.status).toBe(200);
    expect(byOperator.body).toMatchObject({ code: 'BKD-ANALIS-01', positionCode: 'BKD-ANALIS', unitCode: 'BKD-MUTASI', updatedBy: opBkd.nip });
    // Province-wide activities (a whole position type) are BKD's, and so are the seeded teachers'.
    const typeWide = activity({ positionCode: undefined, positionType: 'PELAKSANA' });
    expect((await p.trk('PUT', '/catalogue/PELAKSANA-01', typeWide, opBkd)).status).toBe(403);
    expect((await p.trk('PUT', '/catalogue/PELAKSANA-01', typeWide, ADMIN)).status).toBe(200);
    expect((await p.trk('PUT', '/catalogue/GURU-MENGAJAR-01', activity(), opBkd)).status).toBe(403);
    expect((await p.trk('DELETE', '/catalogue/GURU-MENGAJAR-01', undefined, opBkd)).status).toBe(403);

    const analystSees = await p.trk('GET', '/catalogue?positionCode=BKD-ANALIS', undefined, analis);
    expect(analystSees.body.map((a: { code: string }) => a.code)).toEqual(['BKD-ANALIS-01']);
    expect((await p.trk('GET', '/catalogue?positionCode=DINKES-PELAKSANA', undefined, analis)).body.map((a: { code: string }) => a.code)).toEqual([
      'PELAKSANA-01',
    ]);

    expect((await p.trk('DELETE', '/catalogue/BKD-ANALIS-01', undefined, opDinkes)).status).toBe(403);
    expect((await p.trk('DELETE', '/catalogue/BKD-ANALIS-01', undefined, opBkd)).status).toBe(204);
    expect((await p.trk('DELETE', '/catalogue/BKD-ANALIS-01', undefined, opBkd)).status).toBe(404);
  });

  it('names the field of a bad activity', async () => {
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['BKD-X', activity({ standardMinutes: 0 }), 400, 'standardMinutes'],
      ['BKD-X', activity({ evidenceRequired: 'ya' }), 400, 'evidenceRequired'],
      ['BKD-X', activity({ positionType: 'FUNGSIONAL' }), 400, 'positionType'],
      ['BKD-X', activity({ positionCode: 'NOPE' }), 422, 'positionCode'],
      ['bkd x', activity(), 400, 'code'],
    ];
    for (const [code, body, status, field] of cases) {
      const r = await p.trk('PUT', `/catalogue/${encodeURIComponent(code)}`, body);
      expect([r.status, r.body.details?.[0]?.field]).toEqual([status, field]);
    }
  });

  it('imports a CSV all or nothing, reporting every bad row in Bahasa Indonesia', async () => {
    const bad = [
      HEADER,
      'BKD-LAP-01,Menyusun laporan,dokumen,60,ya,,BKD-ANALIS',
      'BKD-LAP-02,Menyusun nota dinas,dokumen,enam puluh,tidak,,BKD-ANALIS',
      'BKD-LAP-03,Rapat,kegiatan,60,mungkin,,DINKES-STAF',
      'BKD-LAP-01,Duplikat,dokumen,60,ya,,BKD-ANALIS',
    ].join('\n');
    const refused = await p.trk('POST', '/catalogue/import', bad, opBkd, 'text/csv');
    expect(refused.status).toBe(400);
    expect(refused.body.info.rows).toEqual([
      { line: 3, key: 'BKD-LAP-02', problems: [{ field: 'standardMinutes', message: 'harus berupa bilangan bulat' }] },
      { line: 4, key: 'BKD-LAP-03', problems: [{ field: 'evidenceRequired', message: 'harus true atau false' }] },
      { line: 5, key: 'BKD-LAP-01', problems: [{ field: 'code', message: 'sudah ada di baris 2' }] },
    ]);
    expect(refused.body.message).toContain('tidak ada kegiatan yang disimpan');
    expect(await p.db.query(`SELECT count(*)::int AS n FROM catalogue_activity WHERE code LIKE 'BKD-LAP-%'`)).toEqual([{ n: 0 }]);

    // An operator's rows must be their OPD's positions.
    const elsewhere = [HEADER, 'BKD-LAP-01,Menyusun laporan,dokumen,60,ya,,BKD-ANALIS', 'DINKES-LAP-01,Rapat,kegiatan,60,tidak,,DINKES-STAF'].join('\n');
    const outOfScope = await p.trk('POST', '/catalogue/import', elsewhere, opBkd, 'text/csv');
    expect(outOfScope.status).toBe(400);
    expect(outOfScope.body.info.rows).toEqual([
      { line: 3, key: 'DINKES-LAP-01', problems: [{ field: 'code', message: 'jabatan ini bukan di unit BKD atau di bawahnya' }] },
    ]);

    const good = [HEADER, 'BKD-LAP-01,Menyusun laporan,dokumen,60,ya,,BKD-ANALIS', 'BKD-LAP-02,"Menyusun nota dinas, surat",dokumen,45,false,,BKD-ANALIS'].join(
      '\n',
    );
    const first = await p.trk('POST', '/catalogue/import', good, opBkd, 'text/csv');
    expect([first.status, first.body]).toEqual([200, { rows: 2, created: 2, updated: 0, unchanged: 0 }]);
    const again = await p.trk('POST', '/catalogue/import', good.replace(',45,', ',50,'), opBkd, 'text/csv');
    expect(again.body).toEqual({ rows: 2, created: 0, updated: 1, unchanged: 1 });
    expect((await p.trk('POST', '/catalogue/import', good, analis, 'text/csv')).status).toBe(403);
    const noColumns = await p.trk('POST', '/catalogue/import', 'code,name\nX,Y', opBkd, 'text/csv');
    expect([noColumns.status, noColumns.body.details[0].field]).toEqual([400, 'outputUnit']);
  });

  it('keeps the rules effective-dated and editable by BKD only', async () => {
    const rules = await p.trk('GET', '/rules', undefined, analis);
    expect(rules.body.map((r: { kind: string }) => r.kind).sort()).toEqual(['norm', 'score-weights', 'skp-distribution', 'workday']);
    const workday = rules.body.find((r: { kind: string }) => r.kind === 'workday');
    expect(workday.value.days['1']).toEqual({ start: '07:30', end: '16:00', workingMinutes: 450 });
    expect(workday.value.days['5']).toEqual({ start: '07:30', end: '16:30', workingMinutes: 450 });
    expect(rules.body.find((r: { kind: string }) => r.kind === 'norm').value).toMatchObject({ normMinutes: 6000, cutoff: '16:00', verificationDeadlineDay: 5 });

    const school = { source: 'Jadwal SMA: Senin–Sabtu', value: { days: { '6': { start: '07:00', end: '12:00', workingMinutes: 300 } } }, unitCode: 'DINKES' };
    expect((await p.trk('PUT', '/rules/workday/2026-07-01', school, kabid)).status).toBe(403);
    const tooLong = { ...school, value: { days: { '6': { start: '07:00', end: '12:00', workingMinutes: 301 } } } };
    expect((await p.trk('PUT', '/rules/workday/2026-07-01', tooLong)).body.details[0].field).toBe('value.days.6.workingMinutes');
    expect((await p.trk('PUT', '/rules/workday/2026-07-01', school)).status).toBe(200);
    expect(
      (await p.trk('PUT', '/rules/score-weights/2026-07-01', { source: 'Uji', value: { FUNGSIONAL: { activity: 60, target: 30, subordinates: 0 } } })).status,
    ).toBe(400);
    expect((await p.trk('PUT', '/rules/score-weights/2026-07-01', { source: 'Uji', value: {}, unitCode: 'BKD' })).body.details[0].field).toBe('unitCode');
    expect((await p.trk('PUT', '/rules/nope/2026-07-01', { source: 'Uji', value: {} })).status).toBe(404);

    const holidays = await p.trk('GET', '/holidays?year=2026', undefined, analis);
    expect(holidays.body).toHaveLength(25);
    expect((await p.trk('PUT', '/holidays/2026-08-18', { name: 'Cuti bersama HUT RI', kind: 'CUTI_BERSAMA' }, analis)).status).toBe(403);
    // Holidays are K-Mob's: TRK's copy changes only when K-Mob announces one.
    expect((await p.trk('PUT', '/holidays/2026-08-18', { name: 'Cuti bersama HUT RI', kind: 'CUTI_BERSAMA' })).status).toBe(409);
    const announced = { date: '2026-08-18', kind: 'CUTI_BERSAMA', name: 'Cuti bersama HUT RI', source: 'Keputusan Gubernur (uji)' } as const;
    await p.publish(CalendarEvents.holidaySet, announced.date, announced);
    await waitFor(async () => (await p.trk('GET', '/holidays?year=2026', undefined, analis)).body.length === 26, 'the announced holiday in TRK');
    expect((await p.trk('GET', '/holidays?year=2026', undefined, analis)).body).toContainEqual(announced);
  });
});
