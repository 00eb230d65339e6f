import { lastDayInService } from '../src/domain/eligibility';
import type { PenaltyRecord } from '../src/domain/penalties';
import { computeTppLine, type TppLineFacts, type TppLineResult } from '../src/domain/tpp-amount';
import { explainTppLine } from '../src/domain/tpp-explanation';
import { SEED, lineFacts, ruleSetWith } from './tpp-fixtures';

/**
 * Hand-computed lines under the seeded rule set (kelas 7 Rp4.500.000, 8 Rp5.000.000, 9 Rp6.000.000,
 * 10 Rp7.000.000, 12 Rp10.000.000; kinerja 60 / disiplin 40; CPNS 0,8) in April 2026, 21 working days:
 * 1, 2, 6–10, 13–17, 20–24, 27–30 (Friday 3 April is a holiday).
 * amount = base × (0,6 × S + 0,4 × (1 − D)) × (1 − penalties); gross = floor(amount × eligible / 21).
 */
const gross = (line: TppLineResult) => (line.status === 'COMPUTED' ? line.steps.gross : `HELD ${line.holds.map((h) => h.code).join(',')}`);

const SEDANG_6: PenaltyRecord = { kind: 'HUKDIS_SEDANG', skDate: '2026-03-10', months: 6, reference: 'SK 800/12/BKD' };
const LHKPN_APRIL_MAY: PenaltyRecord = { kind: 'LHKPN_LATE', firstLateMonth: '2026-04', reportedOn: '2026-06-05', reference: 'LHKPN 2025' };

describe('one TPP line, hand-computed', () => {
  it.each<{ case: string; facts: TppLineFacts; amount: string; eligible: number; gross: string }>([
    {
      // 0,6 × 0,9 + 0,4 × 1 = 0,94; 6.000.000 × 0,94 = 5.640.000; × 21/21.
      case: 'a full month, score 90,00, no deduction',
      facts: lineFacts(),
      amount: '5640000',
      eligible: 21,
      gross: '5640000',
    },
    {
      // K-Mob: 3 × TL1 0,5% + 1 × TL2 1% + 2 × PSW1 0,5% = 3,5% → D 0,035;
      // 0,54 + 0,4 × 0,965 = 0,54 + 0,386 = 0,926; 6.000.000 × 0,926 = 5.556.000.
      case: 'a mix of late and early-leave bands, D = 0,035',
      facts: lineFacts({ discipline: { deductionPercent: 3.5, version: 2 } }),
      amount: '5556000',
      eligible: 21,
      gross: '5556000',
    },
    {
      // 2 TK days × 3% = 6% → D 0,06; TK days stay paid days (the deduction is the sanction);
      // kelas 7: 0,6 × 0,855 + 0,4 × 0,94 = 0,513 + 0,376 = 0,889; 4.500.000 × 0,889 = 4.000.500.
      case: 'two TK days, D = 0,06, score 85,50',
      facts: lineFacts({ kelas: 7, performance: { score: '85.50', version: 1 }, discipline: { deductionPercent: 6, version: 1 } }),
      amount: '4000500',
      eligible: 21,
      gross: '4000500',
    },
    {
      // 112,5% is capped to D = 1, the disiplin part is gone: kelas 12: 10.000.000 × (0,6 × 0,7 + 0) = 4.200.000.
      case: 'a deduction above 100% is capped, D = 1',
      facts: lineFacts({ kelas: 12, performance: { score: '70.00', version: 1 }, discipline: { deductionPercent: 112.5, version: 1 } }),
      amount: '4200000',
      eligible: 21,
      gross: '4200000',
    },
    {
      // 4.800 of 6.000 minutes → TRK score 80,00 → S 0,8: 0,48 + 0,4 = 0,88; 6.000.000 × 0,88 = 5.280.000.
      case: 'performance below the norm, S = 0,8',
      facts: lineFacts({ performance: { score: '80.00', version: 1 } }),
      amount: '5280000',
      eligible: 21,
      gross: '5280000',
    },
    {
      // TMT 17 April: 17, 20–24, 27–30 = 10 days. Base 4.500.000 × 0,8 = 3.600.000;
      // 0,6 × 0,95 + 0,4 × 0,995 = 0,57 + 0,398 = 0,968; 3.600.000 × 0,968 = 3.484.800;
      // 3.484.800 × 10 / 21 = 34.848.000 / 21 = 1.659.428,57… → 1.659.428.
      case: 'a new CPNS from 17 April, 10 of 21 days at 80%',
      facts: lineFacts(
        { employeeType: 'CPNS', kelas: 7, performance: { score: '95.00', version: 1 }, discipline: { deductionPercent: 0.5, version: 1 } },
        { tmt: '2026-04-17' },
      ),
      amount: '3484800',
      eligible: 10,
      gross: '1659428',
    },
    {
      // Retirement at BUP in April: pension from 1 May, so April is served in full. 7.000.000 × 1.
      case: 'retirement at BUP: the last month is full',
      facts: lineFacts(
        { kelas: 10, performance: { score: '100.00', version: 1 } },
        { lastDayInService: lastDayInService({ reason: 'BUP', bupMonth: '2026-04' }) },
      ),
      amount: '7000000',
      eligible: 21,
      gross: '7000000',
    },
    {
      // Died Thursday 9 April: 1, 2, 6, 7, 8, 9 = 6 days; 5.640.000 × 6 / 21 = 33.840.000 / 21 = 1.611.428,57… → 1.611.428.
      case: 'death on 9 April, prorated to the day of death',
      facts: lineFacts({}, { lastDayInService: lastDayInService({ reason: 'DEATH', date: '2026-04-09' }) }),
      amount: '5640000',
      eligible: 6,
      gross: '1611428',
    },
    {
      // CLTN from 20 April: 20–24, 27–30 = 9 days unpaid, 12 paid; 5.640.000 × 12 / 21 = 67.680.000 / 21 = 3.222.857,14… → 3.222.857.
      case: 'CLTN from 20 April, 12 of 21 days',
      facts: lineFacts({}, { statusPeriods: [{ status: 'CLTN', from: '2026-04-20', to: '2026-06-30' }] }),
      amount: '5640000',
      eligible: 12,
      gross: '3222857',
    },
    {
      // Hukdis sedang SK 10 March for 6 months covers April–September: 5.640.000 × (1 − 0,25) = 4.230.000.
      case: 'hukdis sedang 25% in its first month',
      facts: lineFacts({ penalties: [SEDANG_6] }),
      amount: '4230000',
      eligible: 21,
      gross: '4230000',
    },
    {
      // Sedang 25% + late LHKPN 10% = 35%: 5.640.000 × 0,65 = 3.666.000.
      case: 'two penalties add: 25% + 10%',
      facts: lineFacts({ penalties: [SEDANG_6, LHKPN_APRIL_MAY] }),
      amount: '3666000',
      eligible: 21,
      gross: '3666000',
    },
  ])('$case: gross $gross', ({ facts, amount, eligible, gross: expected }) => {
    const line = computeTppLine(facts, SEED);
    expect(line.status).toBe('COMPUTED');
    if (line.status !== 'COMPUTED') return;
    expect(line.steps.amount).toBe(amount);
    expect(line.steps.days.eligibleDays).toBe(eligible);
    expect(line.steps.gross).toBe(expected);
  });

  it('splits a transfer on 15 April into one line per OPD, each with its own kelas and deduction', () => {
    // DINKES kelas 8 until 14 April (1, 2, 6–10, 13, 14 = 9 days), K-Mob D 1% there:
    //   5.000.000 × (0,54 + 0,4 × 0,99) = 5.000.000 × 0,936 = 4.680.000; × 9/21 = 42.120.000/21 = 2.005.714,28… → 2.005.714.
    // BAPPEDA kelas 9 from 15 April (15–17, 20–24, 27–30 = 12 days), D 0; the same score 90,00 for both:
    //   6.000.000 × 0,94 = 5.640.000; × 12/21 = 67.680.000/21 = 3.222.857,14… → 3.222.857.
    const first = lineFacts({ kelas: 8, discipline: { deductionPercent: 1, version: 1 } }, { linePeriod: { from: '2026-04-01', to: '2026-04-14' } });
    const second = lineFacts({ opdCode: 'BAPPEDA' }, { linePeriod: { from: '2026-04-15', to: '2026-04-30' } });
    expect([computeTppLine(first, SEED), computeTppLine(second, SEED)].map(gross)).toEqual(['2005714', '3222857']);
  });

  it('caps penalties that add above 100% at 100%: nothing is paid', () => {
    // A stricter variant (Kemenkeu's 95% for berat) with late LHKPN 10%: 105% → 100% → factor 0.
    const strict = ruleSetWith('tpp-strict', '2024-01-01', (rules) => (rules.penalties.HUKDIS_BERAT.percent = 95));
    const berat: PenaltyRecord = { kind: 'HUKDIS_BERAT', skDate: '2026-02-20', reference: 'SK 800/3/BKD' };
    const line = computeTppLine(lineFacts({ penalties: [berat, LHKPN_APRIL_MAY] }), strict);
    expect(line.status === 'COMPUTED' && [line.steps.penaltyPercent, line.steps.penaltyPercentCapped, line.steps.gross]).toEqual(['100', true, '0']);
  });

  it.each<{ case: string; facts: TppLineFacts; expected: string }>([
    { case: 'no TRK score', facts: lineFacts({ performance: null }), expected: 'HELD NO_SCORE' },
    { case: 'no K-Mob summary nor TRK score', facts: lineFacts({ performance: null, discipline: null }), expected: 'HELD NO_SCORE,NO_DISCIPLINE' },
    { case: 'a PPPK under rules without a PPPK factor', facts: lineFacts({ employeeType: 'PPPK' }), expected: 'HELD NO_STATUS_FACTOR' },
    { case: 'a kelas without a ceiling', facts: lineFacts({ kelas: 18 }), expected: 'HELD NO_CEILING' },
    {
      case: 'a hukdis sedang of 7 months, which PP 94/2021 does not allow',
      facts: lineFacts({ penalties: [{ ...SEDANG_6, months: 7 }] }),
      expected: 'HELD PENALTY_UNREADABLE',
    },
  ])('holds the line, never guesses: $case gets $expected', ({ facts, expected }) => {
    expect(gross(computeTppLine(facts, SEED))).toBe(expected);
  });
});

describe('a disciplinary sentence across months', () => {
  // SK dated 10 March 2026, sedang 25% for 6 months: the work months April to September 2026.
  it.each<{ month: string; expected: string }>([
    { month: '2026-03', expected: '5640000' },
    { month: '2026-04', expected: '4230000' },
    { month: '2026-09', expected: '4230000' },
    { month: '2026-10', expected: '5640000' },
  ])('work month $month gets gross $expected', ({ month, expected }) => {
    // Every month is given the same 21-day calendar so only the sentence changes the amount.
    expect(gross(computeTppLine(lineFacts({ month, penalties: [SEDANG_6] }), SEED))).toBe(expected);
  });
});

describe('the explanation in Bahasa Indonesia', () => {
  it('walks the new CPNS through every step', () => {
    const facts = lineFacts(
      { employeeType: 'CPNS', kelas: 7, performance: { score: '95.00', version: 1 }, discipline: { deductionPercent: 0.5, version: 3 } },
      { tmt: '2026-04-17' },
    );
    expect(explainTppLine(computeTppLine(facts, SEED))).toEqual([
      'TPP April 2026, OPD DINKES, kelas jabatan 7, CPNS (aturan tpp-2024-01)',
      '1. Pagu kelas 7: Rp4.500.000 × faktor status CPNS 0,8 = dasar Rp3.600.000',
      '2. Kinerja (TRK, versi 1): skor 95,00 ÷ 100 = S 0,95',
      '3. Disiplin (K-Mob, versi 3): potongan 0,5% → D 0,005',
      '4. Komponen (kinerja 60%, disiplin 40%): 60% × 0,95 + 40% × 0,995 = 0,968',
      '5. Tanpa hukuman atau sanksi: faktor 1',
      '6. Sebulan penuh: Rp3.600.000 × 0,968 × 1 = Rp3.484.800',
      '7. Hari kerja dibayar: 10 dari 21 (tidak dibayar: 11 hari sebelum TMT)',
      '8. TPP bruto: Rp3.484.800 × 10/21 = Rp1.659.428,57…, dibulatkan ke bawah Rp1.659.428',
    ]);
  });

  it('names the penalties, the cap and the unpaid days', () => {
    const facts = lineFacts(
      { discipline: { deductionPercent: 112.5, version: 1 }, penalties: [SEDANG_6] },
      { statusPeriods: [{ status: 'CLTN', from: '2026-04-20', to: '2026-06-30' }] },
    );
    const lines = explainTppLine(computeTppLine(facts, SEED));
    expect(lines.slice(3, 8)).toEqual([
      '3. Disiplin (K-Mob, versi 1): potongan 112,5% → D 1 (dibatasi 100%)',
      '4. Komponen (kinerja 60%, disiplin 40%): 60% × 0,9 + 40% × 0 = 0,54',
      '5. Hukuman disiplin sedang 25% (SK 800/12/BKD): 25% → faktor 0,75',
      '6. Sebulan penuh: Rp6.000.000 × 0,54 × 0,75 = Rp2.430.000',
      '7. Hari kerja dibayar: 12 dari 21 (tidak dibayar: 9 hari CLTN)',
    ]);
  });

  it('lists what is missing on a held line', () => {
    expect(explainTppLine(computeTppLine(lineFacts({ discipline: null }), SEED))).toEqual([
      'TPP April 2026, OPD DINKES, kelas jabatan 9, PNS (aturan tpp-2024-01)',
      'Ditahan, belum dapat dihitung:',
      '- Rekap disiplin K-Mob bulan ini belum terbit',
    ]);
  });
});
