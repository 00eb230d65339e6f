import { annualLeaveBalance, overlapping, workingDaysIn, type AnnualLeaveRules } from '../src/domain/leave';
import { ruleOn, type EffectiveRule } from '../src/rules/effective-rules';
import seed from '../src/rules/seed/annual-leave-rules.json';

const rules = ruleOn(seed as EffectiveRule<AnnualLeaveRules>[], '2026-06-01')!.value;
const weekdaysExcept = (holidays: string[]) => (date: string) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && !holidays.includes(date);
};

describe('annual leave', () => {
  it.each([
    [0, 0, { available: 12, carriedOver: 0, remaining: 12 }],
    [4, 3, { available: 16, carriedOver: 4, remaining: 13 }],
    [12, 0, { available: 18, carriedOver: 6, remaining: 18 }],
    [6, 19, { available: 18, carriedOver: 6, remaining: -1 }],
  ])('with %d days unused last year and %d taken: %o', (unused, taken, expected) => {
    expect(annualLeaveBalance(rules, unused, taken)).toEqual(expected);
  });

  it('counts working days only and finds overlapping requests', () => {
    // 2026-08-17 (Monday) is Indonesia's Independence Day.
    expect(workingDaysIn({ start: '2026-08-14', end: '2026-08-21' }, weekdaysExcept(['2026-08-17']))).toBe(5);
    const existing = [{ id: 'a', start: '2026-08-03', end: '2026-08-05' }];
    expect(overlapping(existing, { start: '2026-08-05', end: '2026-08-07' })?.id).toBe('a');
    expect(overlapping(existing, { start: '2026-08-06', end: '2026-08-07' })).toBeUndefined();
  });
});
