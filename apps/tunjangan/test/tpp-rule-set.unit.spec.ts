import { penaltyWindow, type PenaltyRecord } from '../src/domain/penalties';
import { computeTppLine } from '../src/domain/tpp-amount';
import { ruleSetForMonth, ruleSetProblems } from '../src/domain/tpp-rule-set';
import { SEED, lineFacts, ruleSetWith, workingDates } from './tpp-fixtures';

/** From July 2026 (say a new Pergub): kelas 9 rises to Rp6.500.000 and the split becomes 50/50. */
const JULY_2026 = ruleSetWith('tpp-2026-07', '2026-07-01', (rules) => {
  rules.ceilingByKelas['9'] = 6_500_000;
  rules.components = [
    { code: 'KINERJA', weightPercent: 50 },
    { code: 'DISIPLIN', weightPercent: 50 },
  ];
});
/** A version dated mid-month takes over from the next month: a month is paid under one rule set. */
const MID_AUGUST = ruleSetWith('tpp-2026-08-15', '2026-08-15', () => undefined);
const VERSIONS = [SEED, JULY_2026, MID_AUGUST];

describe('the rule set of a work month', () => {
  it('seeds a rule set without problems', () => {
    expect(ruleSetProblems(SEED)).toEqual([]);
  });

  it.each([
    { month: '2023-12', expected: undefined },
    { month: '2024-01', expected: 'tpp-2024-01' },
    { month: '2026-06', expected: 'tpp-2024-01' },
    { month: '2026-07', expected: 'tpp-2026-07' },
    { month: '2026-08', expected: 'tpp-2026-07' },
    { month: '2026-09', expected: 'tpp-2026-08-15' },
  ])('$month gets $expected', ({ month, expected }) => {
    expect(ruleSetForMonth(VERSIONS, month)?.id).toBe(expected);
  });

  it('applies a change effective 1 July only from July', () => {
    // June (20 working days, full): 6.000.000 × (0,6 × 0,9 + 0,4 × 1) = 6.000.000 × 0,94 = 5.640.000.
    // July (23 working days, full): 6.500.000 × (0,5 × 0,9 + 0,5 × 1) = 6.500.000 × 0,95 = 6.175.000.
    const grossIn = (month: string, holidays: string[]) => {
      const days = workingDates(month, holidays);
      const line = computeTppLine(
        lineFacts({ month }, { workingDates: days, linePeriod: { from: days[0], to: days[days.length - 1] } }),
        ruleSetForMonth(VERSIONS, month)!,
      );
      return line.status === 'COMPUTED' ? [line.ruleSetId, line.steps.gross] : line.holds;
    };
    expect(grossIn('2026-06', ['2026-06-01', '2026-06-16'])).toEqual(['tpp-2024-01', '5640000']);
    expect(grossIn('2026-07', [])).toEqual(['tpp-2026-07', '6175000']);
  });

  it('refuses weights that do not add up to 100 and a status factor above 1', () => {
    const wrong = ruleSetWith('wrong', '2026-01-01', (rules) => {
      rules.components[0].weightPercent = 70;
      rules.statusFactors.CPNS = 1.2;
    });
    expect(ruleSetProblems(wrong)).toEqual([
      { field: 'value.components', message: 'jumlah bobot komponen harus 100' },
      { field: 'value.statusFactors.CPNS', message: 'faktor status harus antara 0 dan 1' },
    ]);
  });
});

describe('the work months a penalty covers', () => {
  const rules = SEED.value.penalties;
  it.each<{ case: string; record: PenaltyRecord; expected: object }>([
    {
      case: 'sedang 6 months, SK 10 March 2026',
      record: { kind: 'HUKDIS_SEDANG', skDate: '2026-03-10', months: 6, reference: 'SK-1' },
      expected: { firstMonth: '2026-04', lastMonth: '2026-09', percent: 25 },
    },
    {
      case: 'sedang 12 months, SK 20 November 2026, across the year',
      record: { kind: 'HUKDIS_SEDANG', skDate: '2026-11-20', months: 12, reference: 'SK-2' },
      expected: { firstMonth: '2026-12', lastMonth: '2027-11', percent: 25 },
    },
    {
      case: 'berat: the lower kelas comes from SIAP, no percentage',
      record: { kind: 'HUKDIS_BERAT', skDate: '2026-01-31', reference: 'SK-3' },
      expected: { firstMonth: '2026-02', lastMonth: '2027-01', percent: 0 },
    },
    {
      case: 'LHKPN late from April, reported 5 June',
      record: { kind: 'LHKPN_LATE', firstLateMonth: '2026-04', reportedOn: '2026-06-05', reference: 'LHKPN' },
      expected: { firstMonth: '2026-04', lastMonth: '2026-05', percent: 10 },
    },
    {
      case: 'LHKPN still not reported',
      record: { kind: 'LHKPN_LATE', firstLateMonth: '2026-04', reportedOn: null, reference: 'LHKPN' },
      expected: { firstMonth: '2026-04', lastMonth: null, percent: 10 },
    },
  ])('$case', ({ record, expected }) => {
    expect(penaltyWindow(record, rules)).toEqual(expected);
  });
});
