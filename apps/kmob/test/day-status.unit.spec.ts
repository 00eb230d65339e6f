import { resolveDay, summariseMonth, type DayFacts } from '../src/domain/day-status';
import type { DisciplineRules } from '../src/domain/discipline-rules';
import { ruleOn, type EffectiveRule } from '../src/domain/effective-rules';
import seed from '../src/rules/seed/discipline-rules.json';

const versions = seed as EffectiveRule<DisciplineRules>[];
const rules = ruleOn(versions, '2026-11-02')!.value;
const MON_THU = { start: '07:30', end: '16:00' };
const FRI = { start: '07:30', end: '16:30' };

describe('daily status and monthly discipline (seeded default bands)', () => {
  it.each<[string, string, number, DayFacts]>([
    ['on time', 'H', 0, { schedule: MON_THU, holiday: false, checkIn: '07:25', checkOut: '16:05' }],
    ['1 minute late', 'TL1', 0.5, { schedule: MON_THU, holiday: false, checkIn: '07:31', checkOut: '16:00' }],
    ['30 minutes late', 'TL1', 0.5, { schedule: MON_THU, holiday: false, checkIn: '08:00', checkOut: '16:00' }],
    ['31 minutes late', 'TL2', 1, { schedule: MON_THU, holiday: false, checkIn: '08:01', checkOut: '16:00' }],
    ['90 minutes late', 'TL3', 1.25, { schedule: MON_THU, holiday: false, checkIn: '09:00', checkOut: '16:00' }],
    ['91 minutes late', 'TL4', 2.5, { schedule: MON_THU, holiday: false, checkIn: '09:01', checkOut: '16:00' }],
    ['left 45 minutes early on a Friday', 'PSW2', 1, { schedule: FRI, holiday: false, checkIn: '07:30', checkOut: '15:45' }],
    ['late and early: both count', 'TL1', 1.5, { schedule: MON_THU, holiday: false, checkIn: '07:45', checkOut: '15:00' }],
    ['no check-out', 'PSW4', 2.5, { schedule: MON_THU, holiday: false, checkIn: '07:30' }],
    ['no record at all', 'TK', 3, { schedule: MON_THU, holiday: false }],
    ['a public holiday', 'L', 0, { schedule: MON_THU, holiday: true }],
    ['a weekend', 'L', 0, { schedule: null, holiday: false }],
    ['approved field duty', 'DL', 0, { schedule: MON_THU, holiday: false, approved: 'DINAS_LUAR' }],
    ['annual leave', 'C', 0, { schedule: MON_THU, holiday: false, approved: 'CUTI' }],
  ])('%s: %s, %d%% deducted', (_case, status, percent, facts) => {
    const day = resolveDay(facts, rules);
    expect(day.status).toBe(status);
    expect(day.deductionPercent).toBe(percent);
  });

  it('sums a month, caps it, and picks the rule version in force on the date', () => {
    const month = Array.from({ length: 40 }, () => resolveDay({ schedule: MON_THU, holiday: false }, rules));
    expect(summariseMonth(month, rules)).toEqual({ counts: { TK: 40 }, deductionPercent: 100 });
    const newer: EffectiveRule<DisciplineRules> = {
      effectiveFrom: '2027-01-01',
      source: 'Pergub (example)',
      value: { ...rules, absentWithoutLeavePercent: 4 },
    };
    expect(ruleOn([...versions, newer], '2026-12-31')!.value.absentWithoutLeavePercent).toBe(3);
    expect(ruleOn([...versions, newer], '2027-01-01')!.value.absentWithoutLeavePercent).toBe(4);
    expect(ruleOn(versions, '2025-12-31')).toBeUndefined();
  });
});
