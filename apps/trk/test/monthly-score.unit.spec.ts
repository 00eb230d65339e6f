import { monthlyScore, proratedNorm, type MonthlyScoreFacts, type ScoreWeights } from '../src/domain/monthly-score';
import normSeed from '../src/rules/seed/norm.json';
import weightsSeed from '../src/rules/seed/score-weights.json';

const NORM = normSeed.value.normMinutes;
const DEFAULT_WEIGHTS: ScoreWeights = weightsSeed.value.STRUKTURAL;

describe('the month norm prorated by working days', () => {
  it.each<{ case: string; normMinutes: number; workingDays: number; reducingDays: number; expected: number }>([
    { case: 'a full month', normMinutes: NORM, workingDays: 22, reducingDays: 0, expected: 6000 },
    { case: '21 working days, 3 of them on leave (5142.857…)', normMinutes: NORM, workingDays: 21, reducingDays: 3, expected: 5143 },
    { case: '20 working days, 5 of them sick', normMinutes: NORM, workingDays: 20, reducingDays: 5, expected: 4500 },
    { case: '21 working days, 1 on leave (5714.285…, rounded down)', normMinutes: NORM, workingDays: 21, reducingDays: 1, expected: 5714 },
    { case: 'a half minute exactly (3000.5), rounded up', normMinutes: 6001, workingDays: 20, reducingDays: 10, expected: 3001 },
    { case: 'the whole month on leave', normMinutes: NORM, workingDays: 21, reducingDays: 21, expected: 0 },
    { case: 'no working days at all', normMinutes: NORM, workingDays: 0, reducingDays: 0, expected: 0 },
  ])('$case: $expected minutes', ({ normMinutes, workingDays, reducingDays, expected }) => {
    expect(proratedNorm({ normMinutes, workingDays, reducingDays })).toBe(expected);
  });
});

const facts = (over: Partial<MonthlyScoreFacts>): MonthlyScoreFacts => ({
  approvedMinutes: 5400,
  normMinutes: NORM,
  targets: [],
  subordinates: null,
  weights: DEFAULT_WEIGHTS,
  ...over,
});
/** A component as "CODE achievement% × weight% = points (detail)", so a table row reads like the slip. */
const line = (c: { code: string; achievement: string; weight: string; points: string; detail: string }) =>
  `${c.code} ${c.achievement}% × ${c.weight}% = ${c.points} (${c.detail})`;

describe('the monthly performance score', () => {
  it.each<{ case: string; facts: MonthlyScoreFacts; score: string; components: string[] }>([
    {
      case: 'default weights (100% activity), 5,400 of 6,000 minutes',
      facts: facts({}),
      score: '90.00',
      components: ['ACTIVITY 90.00% × 100.00% = 90.00 (5.400 dari 6.000 menit)'],
    },
    {
      case: 'more minutes than the norm are capped at 100',
      facts: facts({ approvedMinutes: 7200 }),
      score: '100.00',
      components: ['ACTIVITY 100.00% × 100.00% = 100.00 (7.200 dari 6.000 menit)'],
    },
    {
      case: 'a prorated norm, 41.625% rounded half up',
      facts: facts({ approvedMinutes: 333, normMinutes: 800 }),
      score: '41.63',
      components: ['ACTIVITY 41.63% × 100.00% = 41.63 (333 dari 800 menit)'],
    },
    {
      case: 'default weights ignore targets and subordinates (weight 0)',
      facts: facts({ targets: [{ achieved: 1, target: 4 }], subordinates: { total: 5, metNorm: 0 } }),
      score: '90.00',
      components: ['ACTIVITY 90.00% × 100.00% = 90.00 (5.400 dari 6.000 menit)'],
    },
    {
      case: 'all three apply (60/30/10)',
      facts: facts({
        targets: [
          { achieved: 8, target: 10 },
          { achieved: 12, target: 10 },
        ],
        subordinates: { total: 4, metNorm: 3 },
        weights: { activity: 60, target: 30, subordinates: 10 },
      }),
      score: '88.50',
      components: [
        'ACTIVITY 90.00% × 60.00% = 54.00 (5.400 dari 6.000 menit)',
        'TARGET 90.00% × 30.00% = 27.00 (rata-rata capaian 2 target)',
        'SUBORDINATES 75.00% × 10.00% = 7.50 (3 dari 4 bawahan memenuhi norma)',
      ],
    },
    {
      case: 'thirds that would round each to 16.67 (sum 50.01): the parts are apportioned to 50.00',
      facts: facts({
        approvedMinutes: 2500,
        targets: [{ achieved: 5, target: 9 }],
        subordinates: { total: 9, metNorm: 5 },
        weights: { activity: 40, target: 30, subordinates: 30 },
      }),
      score: '50.00',
      components: [
        'ACTIVITY 41.67% × 40.00% = 16.67 (2.500 dari 6.000 menit)',
        'TARGET 55.56% × 30.00% = 16.67 (rata-rata capaian 1 target)',
        'SUBORDINATES 55.56% × 30.00% = 16.66 (5 dari 9 bawahan memenuhi norma)',
      ],
    },
    {
      case: 'two thirds everywhere (66.666…): the score rounds up and the parts follow it',
      facts: facts({
        approvedMinutes: 4000,
        targets: [
          { achieved: 1, target: 3 },
          { achieved: 3, target: 3 },
        ],
        subordinates: { total: 3, metNorm: 2 },
        weights: { activity: 50, target: 25, subordinates: 25 },
      }),
      score: '66.67',
      components: [
        'ACTIVITY 66.67% × 50.00% = 33.33 (4.000 dari 6.000 menit)',
        'TARGET 66.67% × 25.00% = 16.67 (rata-rata capaian 2 target)',
        'SUBORDINATES 66.67% × 25.00% = 16.67 (2 dari 3 bawahan memenuhi norma)',
      ],
    },
    {
      case: 'no subordinates: their weight goes to the others in proportion (50/25 → 66.67/33.33)',
      facts: facts({ approvedMinutes: 6000, targets: [{ achieved: 10, target: 10 }], weights: { activity: 50, target: 25, subordinates: 25 } }),
      score: '100.00',
      components: ['ACTIVITY 100.00% × 66.67% = 66.67 (6.000 dari 6.000 menit)', 'TARGET 100.00% × 33.33% = 33.33 (rata-rata capaian 1 target)'],
    },
    {
      case: 'an atasan with no one under them this month (total 0) and no targets',
      facts: facts({ subordinates: { total: 0, metNorm: 0 }, weights: { activity: 70, target: 20, subordinates: 10 } }),
      score: '90.00',
      components: ['ACTIVITY 90.00% × 100.00% = 90.00 (5.400 dari 6.000 menit)'],
    },
    {
      case: 'a whole month of leave (norm 0): the targets carry all the weight',
      facts: facts({ approvedMinutes: 0, normMinutes: 0, targets: [{ achieved: 2.5, target: 4 }], weights: { activity: 70, target: 30, subordinates: 0 } }),
      score: '62.50',
      components: ['TARGET 62.50% × 100.00% = 62.50 (rata-rata capaian 1 target)'],
    },
    {
      case: 'decimal targets are exact (0.1 + 0.2 of 0.3)',
      facts: facts({
        targets: [
          { achieved: 0.1, target: 0.3 },
          { achieved: 0.2, target: 0.3 },
        ],
        weights: { activity: 0, target: 100, subordinates: 0 },
      }),
      score: '50.00',
      components: ['TARGET 50.00% × 100.00% = 50.00 (rata-rata capaian 2 target)'],
    },
    {
      case: 'a target of 0 is left out of the mean',
      facts: facts({
        targets: [
          { achieved: 3, target: 4 },
          { achieved: 5, target: 0 },
        ],
        weights: { activity: 0, target: 100, subordinates: 0 },
      }),
      score: '75.00',
      components: ['TARGET 75.00% × 100.00% = 75.00 (rata-rata capaian 1 target; 1 target bernilai 0 tidak dihitung)'],
    },
    {
      case: 'a target overachieved counts as 100%',
      facts: facts({
        approvedMinutes: 6000,
        targets: [
          { achieved: 30, target: 10 },
          { achieved: 0, target: 10 },
        ],
        weights: { activity: 50, target: 50, subordinates: 0 },
      }),
      score: '75.00',
      components: ['ACTIVITY 100.00% × 50.00% = 50.00 (6.000 dari 6.000 menit)', 'TARGET 50.00% × 50.00% = 25.00 (rata-rata capaian 2 target)'],
    },
    {
      case: 'nothing applies (norm 0, no targets, no subordinates)',
      facts: facts({ approvedMinutes: 0, normMinutes: 0, weights: { activity: 60, target: 30, subordinates: 10 } }),
      score: '0.00',
      components: [],
    },
    {
      case: 'nothing weighted applies (default weights, norm 0, targets only)',
      facts: facts({ approvedMinutes: 0, normMinutes: 0, targets: [{ achieved: 1, target: 1 }] }),
      score: '0.00',
      components: [],
    },
  ])('$case: $score', ({ facts, score, components }) => {
    const result = monthlyScore(facts);
    expect(result.score).toBe(score);
    expect(result.components.map(line)).toEqual(components);
    const hundredths = (s: string) => Number(s.replace('.', ''));
    if (result.components.length > 0) {
      expect(result.components.reduce((total, c) => total + hundredths(c.points), 0)).toBe(hundredths(result.score));
      expect(result.components.reduce((total, c) => total + hundredths(c.weight), 0)).toBe(10_000);
    }
  });

  it('labels each component in Bahasa Indonesia', () => {
    const { components } = monthlyScore(
      facts({ targets: [{ achieved: 1, target: 1 }], subordinates: { total: 1, metNorm: 1 }, weights: { activity: 50, target: 30, subordinates: 20 } }),
    );
    expect(components.map((c) => c.label)).toEqual(['Aktivitas harian', 'Capaian target kinerja (IKI)', 'Bawahan yang memenuhi norma']);
  });
});
