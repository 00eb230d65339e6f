import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { DisciplineEvents, type DisciplineSummaryEventData } from '@app/contracts';
import { waitFor } from '@app/testing';
import { ADMIN, analis, analis2, freeText, kabid, kadinkes, opBkd, opDinkes, seedSulteng, startPlatform, wita, type Platform } from './trk-fixture';

const kcatInstalled = spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status === 0;
if (!kcatInstalled) console.warn('kcat is not installed: its check is skipped. Install it with: sudo apt-get install -y kcat');

const LAPORAN = { name: 'Menyusun laporan analisis jabatan', outputUnit: 'dokumen', standardMinutes: 60, evidenceRequired: false, positionCode: 'BKD-ANALIS' };
/** A blend per position type, so that targets and subordinates weigh in (the seed weighs activity alone). */
const WEIGHTS = {
  source: 'Uji: bobot campuran per jenis jabatan',
  value: {
    STRUKTURAL: { activity: 50, target: 20, subordinates: 30 },
    FUNGSIONAL: { activity: 60, target: 40, subordinates: 0 },
    PELAKSANA: { activity: 100, target: 0, subordinates: 0 },
  },
};
/** June 2026: 1 June (Pancasila) and 16 June (Islamic New Year) are holidays; with the weekends off, 20 working days. */
const WORKED = ['02', '03', '04', '05', '08', '09', '10', '11', '12', '15', '17', '18'].map((d) => `2026-06-${d}`);
const LATE = '2026-06-19';

/** K-Mob's closed June of the analyst, as K-Mob publishes it: `leave` days of annual leave (C) among 20 working days. */
const kmobJune = (version: number, leave: number): DisciplineSummaryEventData => ({
  nip: analis.nip,
  month: '2026-06',
  version,
  counts: { H: 20 - leave, C: leave },
  deductionPercent: 0,
  units: [{ unitCode: 'BKD-MUTASI', workingDays: 20, deductionPercent: 0 }],
  contributingDays: [],
});

const hundredths = (s: string) => Math.round(Number(s) * 100);

describe('TRK monthly score, month close and corrections', () => {
  let p: Platform;
  let lateEntry: string;

  const score = async (nip: string, who = kabid) => {
    const r = await p.trk('GET', `/scores?nip=${nip}&month=2026-06`, undefined, who);
    expect(r.status).toBe(200);
    return r.body;
  };
  const close = async () => {
    const started = await p.trk('POST', '/months/2026-06/close');
    expect(started.status).toBe(202);
    let job = started.body;
    await waitFor(async () => {
      job = (await p.trk('GET', `/jobs/${started.body.id}`)).body;
      return job.status === 'DONE' || job.status === 'FAILED';
    }, 'the close job');
    return job;
  };

  beforeAll(async () => {
    p = await startPlatform();
    await seedSulteng(p);
    p.clock.set(wita('2026-06-02', '08:00'));
    expect((await p.trk('PUT', '/catalogue/BKD-ANALIS-LAPORAN', LAPORAN)).status).toBe(200);
    expect((await p.trk('PUT', '/rules/score-weights/2026-06-01', WEIGHTS)).status).toBe(200);
    const target = await p.trk(
      'POST',
      '/targets',
      { period: '2026-06', title: 'Laporan analisis jabatan', quantity: 16, outputUnit: 'dokumen', catalogueCodes: ['BKD-ANALIS-LAPORAN'] },
      analis,
    );
    expect((await p.trk('POST', `/targets/${target.body.id}/agree`, undefined, kabid)).status).toBe(200);
    // Twelve working days of 400 minutes, one report each, all approved; the 19th's entry is left unverified.
    const ids: string[] = [];
    for (const date of WORKED) {
      p.clock.set(wita(date, '10:00'));
      const report = await p.trk(
        'POST',
        '/activities',
        { date, catalogueCode: 'BKD-ANALIS-LAPORAN', quantity: 1, minutes: 60, targetId: target.body.id },
        analis,
      );
      const other = await p.trk('POST', '/activities', freeText(date, 340), analis);
      expect([report.status, other.status]).toEqual([201, 201]);
      ids.push(report.body.id, other.body.id);
    }
    p.clock.set(wita(LATE, '10:00'));
    lateEntry = (await p.trk('POST', '/activities', freeText(LATE, 300), analis)).body.id;
    expect((await p.trk('POST', '/activities/verify', { ids, decision: 'APPROVE' }, kabid)).status).toBe(200);
    p.clock.set(wita('2026-06-22', '09:00'));
  }, 120_000);

  afterAll(() => p?.close());

  it("counts TRK's own calendar until K-Mob closes the month, and shows unverified minutes apart", async () => {
    const s = await score(analis.nip);
    expect(s.norm).toMatchObject({ fullMinutes: 6000, workingDays: 20, reducingDays: 0, proratedMinutes: 6000, source: 'TRK_CALENDAR', kmobVersion: null });
    expect(s.pending).toEqual({ minutes: 300, entries: 1, treatment: 'PENDING', verificationDeadline: '2026-07-05' });
    expect([s.approvedMinutes, s.score, s.partsAddUp]).toEqual([4800, '78.00', true]);
    expect(s.explanation).toEqual(
      expect.arrayContaining([
        // Rules are named in words by the date they took effect; their sources stay in norm and weights.
        expect.stringMatching(
          /^Norma 6\.000 menit × \(20 hari kerja − 0 hari berstatus C\/S\) ÷ 20 hari kerja = 6\.000 menit \(aturan norma yang berlaku sejak \d{1,2} [A-Z][a-z]+ \d{4}\)$/,
        ),
        expect.stringMatching(/\(aturan bobot yang berlaku sejak 1 Juni 2026\)$/),
        expect.stringContaining('kalender kerja TRK'),
        '1 kegiatan (300 menit) belum diverifikasi: ditampilkan terpisah dan belum dihitung sampai batas verifikasi 2026-07-05 atau penutupan bulan',
      ]),
    );
  });

  it("prorates the norm by K-Mob's closed month: a holiday, the weekends and 3 days of annual leave", async () => {
    const id = await p.publish(DisciplineEvents.monthClosed, analis.nip, kmobJune(1, 3));
    await p.publish(DisciplineEvents.monthClosed, analis.nip, kmobJune(1, 3), id); // redelivered: applied once
    await waitFor(async () => (await p.db.query('SELECT 1 FROM kmob_month WHERE nip = $1', [analis.nip])).length === 1, "K-Mob's June in TRK");
    const s = await score(analis.nip);
    // 6,000 × (20 − 3) ÷ 20
    expect(s.norm).toMatchObject({ workingDays: 20, reducingDays: 3, reducingStatuses: ['C', 'S'], proratedMinutes: 5100, source: 'KMOB', kmobVersion: 1 });
    expect(s.explanation[1]).toBe('Sumber hari kerja dan hari C/S: rekap disiplin K-Mob bulan 2026-06 versi 1');
    expect(s.components).toEqual([
      expect.objectContaining({ code: 'ACTIVITY', achievement: '94.12', weight: '60.00', points: '56.47', detail: '4.800 dari 5.100 menit' }),
      expect.objectContaining({ code: 'TARGET', achievement: '75.00', weight: '40.00', points: '30.00' }),
    ]);
    expect(s.targets).toEqual([expect.objectContaining({ quantity: 16, achieved: 12, achievementPercent: '75.00' })]);
    expect(s.score).toBe('86.47');
    expect(s.partsAddUp).toBe(true);
    expect(s.components.reduce((total: number, c: { points: string }) => total + hundredths(c.points), 0)).toBe(hundredths(s.score));
    expect([s.positionType, s.positionTypeSource, s.weights]).toEqual([
      'FUNGSIONAL',
      'SIAP',
      { ...WEIGHTS.value.FUNGSIONAL, inRules: true, source: WEIGHTS.source, effectiveFrom: '2026-06-01' },
    ]);
    expect(await p.db.query(`SELECT count(*)::int AS n FROM inbox_event WHERE consumer = 'trk-discipline'`)).toEqual([{ n: 1 }]);
  });

  it("blends an atasan's own activity with the share of subordinates who met their norm", async () => {
    const s = await score(kabid.nip, ADMIN);
    expect(s.subordinates).toEqual({ total: 2, metNorm: 0 });
    // No targets: their 20% goes to the others in proportion (50 : 30).
    expect(s.components.map((c: { code: string; weight: string; points: string }) => [c.code, c.weight, c.points])).toEqual([
      ['ACTIVITY', '62.50', '0.00'],
      ['SUBORDINATES', '37.50', '0.00'],
    ]);
    expect([s.positionType, s.score]).toEqual(['STRUKTURAL', '0.00']);
  });

  it('is shown to the employee, their atasan, their unit’s operators and BKD only', async () => {
    for (const who of [analis, kabid, opBkd, ADMIN]) expect((await p.trk('GET', `/scores?nip=${analis.nip}&month=2026-06`, undefined, who)).status).toBe(200);
    for (const who of [analis2, kadinkes, opDinkes]) expect((await p.trk('GET', `/scores?nip=${analis.nip}&month=2026-06`, undefined, who)).status).toBe(403);
    expect((await p.trk('GET', `/scores?nip=${analis.nip}&month=2026-6`, undefined, analis)).body.details[0].field).toBe('month');
  });

  it('closes the month as a job, freezing and publishing every score once', async () => {
    expect((await p.trk('POST', '/months/2026-06/close', undefined, kabid)).status).toBe(403);
    expect((await p.trk('POST', '/months/2026-06/close')).status).toBe(422); // June is not over on the 22nd
    p.clock.set(wita('2026-07-06', '08:00'));
    const job = await close();
    expect(job).toMatchObject({ kind: 'trk.month-close', status: 'DONE', progress: { total: 6, processed: 6, employees: 6, published: 6, unchanged: 0 } });

    const closed = await p.messages('trk.performance.v1', 6);
    expect(closed.map((m) => m.type)).toEqual(Array(6).fill('trk.performance.month-closed'));
    expect(closed.find((m) => m.key === analis.nip)!.data).toEqual({
      nip: analis.nip,
      month: '2026-06',
      version: 1,
      score: '86.47',
      components: expect.any(Array),
      approvedMinutes: 4800,
      normMinutes: 5100,
      normSource: 'KMOB',
      kmobVersion: 1,
    });
    expect(closed.find((m) => m.key === analis2.nip)!.data).toMatchObject({ normSource: 'TRK_CALENDAR', normMinutes: 6000, kmobVersion: null });
    expect((await p.trk('GET', '/months/2026-06', undefined, analis)).body).toMatchObject({ closed: true, employees: 6, corrected: 0 });

    // Past the deadline and closed, the unverified entry is settled by the rule: not counted.
    const s = await score(analis.nip);
    expect([s.pending.treatment, s.score, s.published]).toEqual(['NOT_COUNTED', '86.47', expect.objectContaining({ version: 1, score: '86.47' })]);
    expect((await close()).progress).toMatchObject({ employees: 6, published: 0, unchanged: 6 });
  });

  it('publishes the next version when an entry is verified after the close, for the employee and their atasan', async () => {
    expect((await p.trk('POST', '/activities/verify', { ids: [lateEntry], decision: 'APPROVE' }, kabid)).status).toBe(200);
    const all = await p.messages('trk.performance.v1', 8);
    const corrected = all.filter((m) => m.type === 'trk.performance.month-corrected').sort((a, b) => a.key.localeCompare(b.key));
    // 5,100 of 5,100 minutes: the analyst met the norm, so the head of Bidang Mutasi has 1 of 2 subordinates meeting it.
    expect(corrected.map((m) => [m.key, m.data.version, m.data.score, m.data.approvedMinutes])).toEqual([
      [kabid.nip, 2, '18.75', 0],
      [analis.nip, 2, '90.00', 5100],
    ]);
    expect((await p.trk('GET', '/months/2026-06')).body).toMatchObject({ closed: true, employees: 6, corrected: 2, closedBy: ADMIN.nip });

    if (kcatInstalled) {
      // What Sim Tunjangan's consumer sees, read by an independent client (librdkafka).
      const out = await promisify(execFile)(
        'kcat',
        ['-b', p.brokerAddress, '-C', '-t', 'trk.performance.v1', '-o', 'beginning', '-e', '-q', '-f', '%k|%h|%s\\n'],
        {
          timeout: 30_000,
        },
      );
      const lines = out.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('|'));
      expect(lines).toHaveLength(8);
      const [, headers, value] = lines.find(([key, h]) => key === analis.nip && h.includes('month-corrected'))!;
      expect(headers).toContain('ce_source=/sulteng/trk');
      expect(headers).toContain(`ce_subject=${analis.nip}`);
      expect(JSON.parse(value)).toMatchObject({ nip: analis.nip, month: '2026-06', version: 2, score: '90.00', normMinutes: 5100 });
    }
  });

  it('publishes the next version when K-Mob corrects a closed month, and ignores an older K-Mob version arriving late', async () => {
    await p.publish(DisciplineEvents.monthCorrected, analis.nip, kmobJune(2, 4));
    const all = await p.messages('trk.performance.v1', 9);
    const third = all.find((m) => m.key === analis.nip && m.data.version === 3)!;
    // 6,000 × 16 ÷ 20: the norm fell, the score (already 100% of the norm) did not.
    expect(third.data).toMatchObject({ normMinutes: 4800, kmobVersion: 2, score: '90.00' });

    await p.publish(DisciplineEvents.monthClosed, analis.nip, kmobJune(1, 3));
    await waitFor(async () => (await p.db.query(`SELECT 1 FROM inbox_event WHERE consumer = 'trk-discipline'`)).length === 3, 'the late K-Mob version applied');
    expect(await p.db.query('SELECT version, working_days, counts FROM kmob_month WHERE nip = $1', [analis.nip])).toEqual([
      { version: 2, working_days: 20, counts: { H: 16, C: 4 } },
    ]);
    expect(await p.db.query('SELECT version FROM trk_month_score WHERE nip = $1', [analis.nip])).toEqual([{ version: 3 }]);
  });
});
