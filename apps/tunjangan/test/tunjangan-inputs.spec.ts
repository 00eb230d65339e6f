import { DisciplineEvents, PerformanceEvents, type DisciplineSummaryEventData, type EventDefinition, type MonthScoreEventData } from '@app/contracts';
import tppSeed from '../src/rules/seed/tpp-rule-set.json';
import { ADMIN, analis, applied, opBkd, seedSulteng, STAFF, startPlatform, type Platform } from './tunjangan-fixture';

const MONTH = '2026-05';

/** K-Mob's summary for a month spent half in BKD and half in Dinas Kesehatan; `version` also sets the deduction, so versions differ. */
const discipline = (nip: string, version: number): DisciplineSummaryEventData => ({
  nip,
  month: MONTH,
  version,
  counts: { H: 19, TL1: version },
  deductionPercent: 0.5 * version,
  units: [
    { unitCode: 'BKD-MUTASI', workingDays: 12, deductionPercent: 0.5 * version },
    { unitCode: 'DINKES', workingDays: 8, deductionPercent: 0 },
  ],
  contributingDays: [{ date: '2026-05-04', unitCode: 'BKD-MUTASI', status: 'TL1', minutesLate: 12, minutesEarly: 0, deductionPercent: 0.5 * version }],
});

/** TRK's score: version v scores 80.0v (80.01, 80.02, …). */
const performance = (nip: string, version: number): MonthScoreEventData => {
  const score = `80.0${version}`;
  return {
    nip,
    month: MONTH,
    version,
    score,
    components: [{ code: 'ACTIVITY', label: 'Aktivitas harian', achievement: score, weight: '100.00', points: score, detail: '4.800 dari 6.000 menit' }],
    approvedMinutes: 4800 + version,
    normMinutes: 6000,
    normSource: 'KMOB',
    kmobVersion: version,
  };
};

const INPUTS = [
  {
    input: 'K-Mob discipline',
    consumer: 'tunjangan-discipline',
    events: DisciplineEvents,
    data: discipline,
    row: `SELECT version, event_id, deduction_percent::text AS deduction, counts, units FROM discipline_month WHERE month = $1 AND nip = $2`,
    expected: (v: number) => ({ version: v, deduction: String(0.5 * v), counts: { H: 19, TL1: v }, units: discipline('x', v).units }),
  },
  {
    input: 'TRK performance',
    consumer: 'tunjangan-performance',
    events: PerformanceEvents,
    data: performance,
    row: `SELECT version, event_id, score::text AS score, approved_minutes, kmob_version FROM performance_month WHERE month = $1 AND nip = $2`,
    expected: (v: number) => ({ version: v, score: `80.0${v}`, approved_minutes: 4800 + v, kmob_version: v }),
  },
] as const;

describe('Sim Tunjangan inputs and rule sets', () => {
  let p: Platform;

  beforeAll(async () => {
    p = await startPlatform();
    await seedSulteng(p);
  }, 120_000);
  afterAll(() => p?.close());

  it('keeps its own copy of SIAP: employees with kelas jabatan, units and positions', async () => {
    expect(await p.db.query('SELECT nip, unit_code, position_code, kelas_jabatan FROM employee ORDER BY nip')).toEqual([
      { nip: STAFF.analis.nip, unit_code: 'BKD-MUTASI', position_code: 'BKD-ANALIS', kelas_jabatan: 8 },
      { nip: STAFF.perawat.nip, unit_code: 'DINKES', position_code: 'DINKES-STAF', kelas_jabatan: 7 },
    ]);
  });

  describe.each(INPUTS)('$input', ({ consumer, events, data, row, expected }) => {
    const publish = (kind: keyof typeof events, nip: string, version: number, id?: string) =>
      p.publish(events[kind] as EventDefinition<unknown>, nip, data(nip, version), id);

    it('keeps the highest version whatever order versions arrive in, with the event that carried it', async () => {
      const nip = STAFF.analis.nip;
      const v3 = await publish('monthCorrected', nip, 3);
      await publish('monthClosed', nip, 1);
      await publish('monthCorrected', nip, 2);
      await applied(p, consumer, 3);
      expect(await p.db.query(row, [MONTH, nip])).toEqual([{ ...expected(3), event_id: v3 }]);
    });

    it('applies a repeated event once: a redelivery under the same id changes nothing', async () => {
      const nip = STAFF.perawat.nip;
      const first = await publish('monthClosed', nip, 1);
      // Same id, other content: only the inbox can tell it was seen, and it must win over the version guard.
      await publish('monthCorrected', nip, 5, first);
      // Same key, same partition: once version 2 is in, the redelivery before it has been dealt with.
      const second = await publish('monthCorrected', nip, 2);
      await applied(p, consumer, 5);
      expect(await p.db.query(row, [MONTH, nip])).toEqual([{ ...expected(2), event_id: second }]);
    });
  });

  describe('rule sets', () => {
    const valid = (changes: Record<string, unknown> = {}) => ({
      source: 'Pergub Sulteng (contoh uji): kinerja 70, disiplin 30',
      value: {
        ...tppSeed.value,
        components: [
          { code: 'KINERJA', weightPercent: 70 },
          { code: 'DISIPLIN', weightPercent: 30 },
        ],
        ...changes,
      },
    });
    const count = async () => (await p.db.query('SELECT count(*)::int AS n FROM tpp_rule_set'))[0].n as number;

    it('are read and changed by BKD admins only', async () => {
      for (const who of [analis, opBkd]) {
        expect((await p.tunjangan('GET', '/rule-sets', undefined, who)).status).toBe(403);
        expect((await p.tunjangan('PUT', '/rule-sets/2026-07-01', valid(), who)).status).toBe(403);
        expect((await p.tunjangan('GET', '/tax-rules', undefined, who)).status).toBe(403);
      }
      expect(await count()).toBe(1);
    });

    it('start with the seeded version', async () => {
      const r = await p.tunjangan('GET', '/rule-sets');
      expect(r.status).toBe(200);
      expect(r.body).toEqual([
        expect.objectContaining({ id: 'tpp-2024-01', effectiveFrom: '2024-01-01', effectiveTo: null, updatedBy: 'seed', value: tppSeed.value }),
      ]);
    });

    it.each([
      [
        'weights that do not add up to 100',
        valid({
          components: [
            { code: 'KINERJA', weightPercent: 70 },
            { code: 'DISIPLIN', weightPercent: 40 },
          ],
        }),
        'value.components',
        'jumlah bobot komponen harus 100',
      ],
      [
        'a ceiling of 0',
        valid({ ceilingByKelas: { ...tppSeed.value.ceilingByKelas, 5: 0 } }),
        'value.ceilingByKelas.5',
        'pagu harus rupiah bulat lebih dari 0',
      ],
      ['a CPNS factor above 1', valid({ statusFactors: { PNS: 1, CPNS: 1.2 } }), 'value.statusFactors.CPNS', 'faktor status harus antara 0 dan 1'],
      ['no BPJS rules', { ...valid(), value: { ...valid().value, bpjs: undefined } }, 'value.bpjs', 'wajib ada'],
      ['a BPJS cap as text', valid({ bpjs: { ...tppSeed.value.bpjs, cap: '12000000' } }), 'value.bpjs.cap', 'harus berupa angka'],
      ['an unknown kelas', valid({ ceilingByKelas: { 18: 1000 } }), 'value.ceilingByKelas.18', 'nama kunci tidak dikenal'],
      [
        'an effectiveTo before effectiveFrom',
        { ...valid(), effectiveTo: '2026-06-30' },
        'effectiveTo',
        'tidak boleh sebelum tanggal mulai berlaku (effectiveFrom)',
      ],
    ])('refuse %s with 400 naming the field, storing nothing', async (_case, body, field, message) => {
      const r = await p.tunjangan('PUT', '/rule-sets/2026-07-01', body);
      expect(r.status).toBe(400);
      expect(r.body.details).toContainEqual({ field, message });
      expect(await count()).toBe(1);
    });

    it('refuse an impossible effective date', async () => {
      const r = await p.tunjangan('PUT', '/rule-sets/2026-02-30', valid());
      expect([r.status, r.body.details[0].field]).toEqual([400, 'effectiveFrom']);
    });

    it('store a valid version, listed with its effective date after the ones before it', async () => {
      const put = await p.tunjangan('PUT', '/rule-sets/2026-07-01', valid());
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ id: 'tpp-2026-07-01', effectiveFrom: '2026-07-01', effectiveTo: null, updatedBy: ADMIN.nip });
      const list = await p.tunjangan('GET', '/rule-sets');
      expect(list.body.map((s: { effectiveFrom: string }) => s.effectiveFrom)).toEqual(['2024-01-01', '2026-07-01']);
      expect(list.body[1].value.components).toEqual([
        { code: 'KINERJA', weightPercent: 70 },
        { code: 'DISIPLIN', weightPercent: 30 },
      ]);
      // Replacing the version of the same day keeps its id.
      const again = await p.tunjangan('PUT', '/rule-sets/2026-07-01', { ...valid(), effectiveTo: '2026-12-31' });
      expect(again.body).toMatchObject({ id: 'tpp-2026-07-01', effectiveTo: '2026-12-31' });
      expect(await count()).toBe(2);
    });
  });

  it('lists the seeded tax rules: the TER table of PP 58/2023 and the annual recalculation', async () => {
    const all = await p.tunjangan('GET', '/tax-rules');
    expect(all.status).toBe(200);
    expect(all.body.map((r: { kind: string; effectiveFrom: string }) => `${r.kind} ${r.effectiveFrom}`)).toEqual([
      'biayaJabatan 2009-01-01',
      'pasal17Bands 2022-01-01',
      'pensionContribution 2024-01-01',
      'pkpRounding 2024-01-01',
      'ptkp 2016-01-01',
      'ter 2024-01-01',
    ]);
    const ter = await p.tunjangan('GET', '/tax-rules?kind=ter');
    expect(ter.body[0].value.categoryByPtkpStatus['K/3']).toBe('C');
    expect(ter.body[0].value.tables.A).toHaveLength(44);
    expect((await p.tunjangan('GET', '/tax-rules?kind=gaji')).status).toBe(404);
  });
});
