import { monthlyScore } from '../src/domain/monthly-score';
import {
  achievementPercent,
  countedMinutes,
  datesOfMonth,
  metNorm,
  normDays,
  pendingTreatment,
  pointsAddUp,
  reducingDaysOf,
  scorePositionType,
  workingDatesInService,
  type ServiceSpell,
} from '../src/domain/score-facts';
import { coversDate, targetPeriod } from '../src/domain/target-period';

/** June 2026: weekends, 1 June (Pancasila) and 16 June (Islamic New Year) are off; 20 working days. */
const HOLIDAYS = new Set(['2026-06-01', '2026-06-16']);
const JUNE = datesOfMonth('2026-06');
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const weekdaysOnly = () => new Set(JUNE.filter((date) => weekdayOf(date) !== 0 && weekdayOf(date) !== 6 && !HOLIDAYS.has(date)));
const BKD: ServiceSpell = { validFrom: '2015-03-01', unitPath: ['BKD-MUTASI', 'BKD'] };

describe('the days of a month', () => {
  it.each([
    ['2026-02', 28, '2026-02-28'],
    ['2024-02', 29, '2024-02-29'],
    ['2026-06', 30, '2026-06-30'],
    ['2026-12', 31, '2026-12-31'],
  ])('%s has %i days, the last %s', (month, count, last) => {
    expect(datesOfMonth(month)).toHaveLength(count);
    expect(datesOfMonth(month).at(-1)).toBe(last);
  });
});

describe("working days in service by TRK's own calendar", () => {
  it.each<{ case: string; spells: ServiceSpell[]; expected: { daysInService: number; workingDays: number } }>([
    { case: 'a whole month in one unit: weekends and two holidays off', spells: [BKD], expected: { daysInService: 30, workingDays: 20 } },
    {
      case: 'a transfer on the 15th still counts every day',
      spells: [BKD, { validFrom: '2026-06-15', unitPath: ['DINKES'] }],
      expected: { daysInService: 30, workingDays: 20 },
    },
    {
      case: 'terminated from the 13th: the working days before it only',
      spells: [BKD, { validFrom: '2026-06-13', unitPath: null }],
      expected: { daysInService: 12, workingDays: 9 },
    },
    { case: 'appointed from the 22nd', spells: [{ validFrom: '2026-06-22', unitPath: ['BKD'] }], expected: { daysInService: 9, workingDays: 7 } },
    { case: 'appointed after the month: not in service', spells: [], expected: { daysInService: 0, workingDays: 0 } },
  ])('$case', ({ spells, expected }) => {
    const { daysInService, workingDates } = workingDatesInService(JUNE, spells, weekdaysOnly);
    expect({ daysInService, workingDays: workingDates.length }).toEqual(expected);
  });

  it('uses the calendar of the unit the employee was in that day', () => {
    const schoolSaturdays = (path: readonly string[]) =>
      path[0] === 'SMA-1' ? new Set([...weekdaysOnly(), ...JUNE.filter((date) => weekdayOf(date) === 6)]) : weekdaysOnly();
    const moved = [BKD, { validFrom: '2026-06-22', unitPath: ['SMA-1'] }];
    // The Saturday 27 June is a school day.
    expect(workingDatesInService(JUNE, moved, schoolSaturdays).workingDates).toHaveLength(21);
  });
});

describe("the days K-Mob's summary takes off the norm", () => {
  it.each<{ case: string; counts: Record<string, number>; statuses: string[]; expected: number }>([
    { case: 'three days of annual leave', counts: { H: 17, C: 3 }, statuses: ['C', 'S'], expected: 3 },
    { case: 'leave and sick days together', counts: { H: 15, C: 3, S: 2 }, statuses: ['C', 'S'], expected: 5 },
    { case: 'TK is not leave', counts: { H: 18, TK: 2 }, statuses: ['C', 'S'], expected: 0 },
    { case: 'a status listed twice counts once', counts: { C: 2 }, statuses: ['C', 'C'], expected: 2 },
    { case: 'dinas luar only when the rule lists it', counts: { H: 15, DL: 5 }, statuses: ['C', 'S', 'DL'], expected: 5 },
  ])('$case: $expected', ({ counts, statuses, expected }) => {
    expect(reducingDaysOf(counts, statuses)).toBe(expected);
  });
});

describe("the norm's days: K-Mob's closed month, else TRK's calendar less the approved requests", () => {
  const workingDates = [...weekdaysOnly()];
  const leave = { type: 'CUTI_TAHUNAN', startDate: '2026-06-08', endDate: '2026-06-10' };
  it.each<{
    case: string;
    kmobMonth?: { workingDays: number; counts: Record<string, number> };
    expected: { workingDays: number; reducingDays: number; source: string };
  }>([
    { case: 'K-Mob has not closed the month', expected: { workingDays: 20, reducingDays: 3, source: 'TRK_CALENDAR' } },
    {
      case: "K-Mob's closed month wins over the requests",
      kmobMonth: { workingDays: 20, counts: { H: 16, C: 4 } },
      expected: { workingDays: 20, reducingDays: 4, source: 'KMOB' },
    },
  ])('$case gets $expected.source', ({ kmobMonth, expected }) => {
    expect(normDays({ kmobMonth, workingDates, requests: [leave], reducingStatuses: ['C', 'S'] })).toEqual(expected);
  });
});

describe('unverified entries', () => {
  it.each<{ case: string; settled: boolean; rule: 'COUNTED' | 'NOT_COUNTED'; treatment: string; counted: number }>([
    { case: 'before the deadline, whatever the rule', settled: false, rule: 'COUNTED', treatment: 'PENDING', counted: 4800 },
    { case: 'after the deadline, not counted', settled: true, rule: 'NOT_COUNTED', treatment: 'NOT_COUNTED', counted: 4800 },
    { case: 'after the deadline, counted', settled: true, rule: 'COUNTED', treatment: 'COUNTED', counted: 5100 },
  ])('$case: $treatment, $counted minutes of 4,800 approved and 300 pending', ({ settled, rule, treatment, counted }) => {
    const t = pendingTreatment(settled, rule);
    expect(t).toBe(treatment);
    expect(countedMinutes(4800, 300, t)).toBe(counted);
  });
});

describe('a subordinate meeting the norm', () => {
  it.each([
    [5100, 5100, true],
    [5099, 5100, false],
    [0, 0, null],
  ])('%i minutes against a norm of %i: %s', (counted, norm, expected) => {
    expect(metNorm(counted, norm)).toBe(expected);
  });
});

describe('the position type that picks the weights', () => {
  it.each<{ case: string; siap: string | null; subordinates: boolean; expected: { type: string; source: string } }>([
    { case: "SIAP's type", siap: 'FUNGSIONAL', subordinates: true, expected: { type: 'FUNGSIONAL', source: 'SIAP' } },
    { case: 'unknown, with subordinates', siap: null, subordinates: true, expected: { type: 'STRUKTURAL', source: 'SUBORDINATES' } },
    { case: 'unknown, without', siap: null, subordinates: false, expected: { type: 'PELAKSANA', source: 'DEFAULT' } },
  ])('$case gets $expected.type', ({ siap, subordinates, expected }) => {
    expect(scorePositionType(siap, subordinates)).toEqual(expected);
  });
});

describe('the parts of a score', () => {
  it('add up for a three-way blend whose parts each round up', () => {
    const score = monthlyScore({
      approvedMinutes: 4800,
      normMinutes: 5100,
      targets: [{ achieved: 12, target: 16 }],
      subordinates: { total: 3, metNorm: 1 },
      weights: { activity: 50, target: 20, subordinates: 30 },
    });
    expect(pointsAddUp(score)).toBe(true);
    expect(pointsAddUp({ ...score, score: '0.01' })).toBe(false);
  });
});

describe('a target', () => {
  it.each([
    [12, 16, '75.00'],
    [2, 3, '66.67'],
    [20, 16, '100.00'],
    [0, 5, '0.00'],
  ])('%i of %i achieved: %s%', (achieved, quantity, expected) => {
    expect(achievementPercent(achieved, quantity)).toBe(expected);
  });

  it.each([
    ['2026', { kind: 'ANNUAL', start: '2026-01-01', end: '2026-12-31' }],
    ['2026-02', { kind: 'MONTHLY', start: '2026-02-01', end: '2026-02-28' }],
    ['2028-02', { kind: 'MONTHLY', start: '2028-02-01', end: '2028-02-29' }],
  ])('period %s runs from its first to its last day', (period, expected) => {
    expect(targetPeriod(period)).toEqual({ period, ...expected });
  });

  it.each(['2026-13', '2026-1', '26', '2026-06-01', ''])('period %p is not a period', (period) => {
    expect(targetPeriod(period)).toBeNull();
  });

  it('covers the days of its period only', () => {
    const june = targetPeriod('2026-06')!;
    expect([coversDate(june, '2026-06-30'), coversDate(june, '2026-07-01'), coversDate(targetPeriod('2026')!, '2026-07-01')]).toEqual([true, false, true]);
  });
});
