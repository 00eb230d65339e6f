import { annualLeaveBalance, countWeekdays, overlapping, type AnnualLeaveRules } from '../src/domain/leave';
import { WorkCalendar, type ScheduleRule } from '../src/domain/work-calendar';
import schedules from '../src/rules/seed/schedule-rules.json';
import { ruleOn, type EffectiveRule } from '../src/domain/effective-rules';
import seed from '../src/rules/seed/annual-leave-rules.json';

const rules = ruleOn(seed as EffectiveRule<AnnualLeaveRules>[], '2026-06-01')!.value;
const hours = { start: '07:30', end: '14:00' };
const MON_FRI = new Set([1, 2, 3, 4, 5]);
/** The province's default schedule, and a unit that also works Saturdays from 2026-09-01. */
const calendar = new WorkCalendar(
  [
    ...(schedules as EffectiveRule<ScheduleRule>[]).map((s) => ({ ...s, scope: '' })),
    { scope: 'RSUD', effectiveFrom: '2026-09-01', source: 'test', value: { days: { 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: hours } } },
  ],
  new Map([
    ['2026-08-17', 'Hari Kemerdekaan'],
    ['2026-09-05', 'a Saturday holiday'],
  ]),
);

describe('annual leave', () => {
  it.each([
    { unused: 0, taken: 0, expected: { available: 12, carriedOver: 0, remaining: 12 } },
    { unused: 4, taken: 3, expected: { available: 16, carriedOver: 4, remaining: 13 } },
    { unused: 12, taken: 0, expected: { available: 18, carriedOver: 6, remaining: 18 } },
    { unused: 6, taken: 19, expected: { available: 18, carriedOver: 6, remaining: -1 } },
  ])(
    'with $unused days unused last year and $taken taken: $expected.available available ($expected.carriedOver carried over), $expected.remaining remaining',
    ({ unused, taken, expected }) => {
      expect(annualLeaveBalance(rules, unused, taken)).toEqual(expected);
    },
  );

  it.each([
    ['one Monday', '2026-08-03', '2026-08-03', 1],
    ['a weekend', '2026-08-08', '2026-08-09', 0],
    ['Friday to Friday', '2026-08-14', '2026-08-21', 6],
    ['a leap year', '2024-01-01', '2024-12-31', 262],
    ['2030 to 9999, as a probe sent it', '2030-01-01', '9999-12-31', 2_079_274],
  ])('counts weekdays of %s (%s to %s): %d', (_case, start, end, expected) => {
    expect(countWeekdays({ start, end }, MON_FRI)).toBe(expected);
  });

  it.each([
    ['a week with Independence Day (17 Aug)', 'BKD', '2026-08-14', '2026-08-21', 5],
    ['a unit that works Saturdays from September, with a Saturday holiday', 'RSUD', '2026-08-28', '2026-09-12', 12],
  ])('counts working days of the unit calendar: %s at %s (%s to %s): %d', (_case, unit, start, end, expected) => {
    let walked = 0;
    for (let d = new Date(`${start}T00:00:00Z`); d <= new Date(`${end}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
      if (calendar.isWorkingDay([unit], d.toISOString().slice(0, 10))) walked++;
    }
    expect(calendar.countWorkingDays([unit], { start, end })).toBe(expected);
    expect(walked).toBe(expected);
  });

  it('finds overlapping requests', () => {
    const existing = [{ id: 'a', start: '2026-08-03', end: '2026-08-05' }];
    expect(overlapping(existing, { start: '2026-08-05', end: '2026-08-07' })?.id).toBe('a');
    expect(overlapping(existing, { start: '2026-08-06', end: '2026-08-07' })).toBeUndefined();
  });
});
