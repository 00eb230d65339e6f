import { resolveDay, summariseMonth, type DayFacts } from '../src/domain/day-status';
import type { DisciplineRules } from '../src/rules/discipline-rules';
import { ruleOn, type EffectiveRule } from '../src/rules/effective-rules';
import seed from '../src/rules/seed/discipline-rules.json';

const versions = seed as EffectiveRule<DisciplineRules>[];
const rules = ruleOn(versions, '2026-11-02')!.value;
const MON_THU = { start: '07:30', end: '16:00' };
const FRI = { start: '07:30', end: '16:30' };

describe('daily status and monthly discipline (seeded default bands)', () => {
  it.each<[string, DayFacts, string, number]>([
    ['on time', { schedule: MON_THU, holiday: false, checkIn: '07:25', checkOut: '16:05' }, 'H', 0],
    ['1 minute late', { schedule: MON_THU, holiday: false, checkIn: '07:31', checkOut: '16:00' }, 'TL1', 0.5],
    ['30 minutes late', { schedule: MON_THU, holiday: false, checkIn: '08:00', checkOut: '16:00' }, 'TL1', 0.5],
    ['31 minutes late', { schedule: MON_THU, holiday: false, checkIn: '08:01', checkOut: '16:00' }, 'TL2', 1],
    ['90 minutes late', { schedule: MON_THU, holiday: false, checkIn: '09:00', checkOut: '16:00' }, 'TL3', 1.25],
    ['91 minutes late', { schedule: MON_THU, holiday: false, checkIn: '09:01', checkOut: '16:00' }, 'TL4', 2.5],
    ['left 45 minutes early on a Friday', { schedule: FRI, holiday: false, checkIn: '07:30', checkOut: '15:45' }, 'PSW2', 1],
    ['late and early: both count', { schedule: MON_THU, holiday: false, checkIn: '07:45', checkOut: '15:00' }, 'TL1', 1.5],
    ['no check-out', { schedule: MON_THU, holiday: false, checkIn: '07:30' }, 'PSW4', 2.5],
    ['no record at all', { schedule: MON_THU, holiday: false }, 'TK', 3],
    ['a public holiday', { schedule: MON_THU, holiday: true }, 'L', 0],
    ['a weekend', { schedule: null, holiday: false }, 'L', 0],
    ['approved field duty', { schedule: MON_THU, holiday: false, approved: 'DINAS_LUAR' }, 'DL', 0],
    ['annual leave', { schedule: MON_THU, holiday: false, approved: 'CUTI' }, 'C', 0],
  ])('%s', (_case, facts, status, percent) => {
    const day = resolveDay(facts, rules);
    expect(day.status).toBe(status);
    expect(day.deductionPercent).toBe(percent);
  });

  it('sums a month, caps it, and picks the rule version in force on the date', () => {
    const month = Array.from({ length: 40 }, () => resolveDay({ schedule: MON_THU, holiday: false }, rules));
    expect(summariseMonth(month, rules)).toEqual({ counts: { TK: 40 }, deductionPercent: 100 });
    const newer: EffectiveRule<DisciplineRules> = { effectiveFrom: '2027-01-01', source: 'Pergub (example)', value: { ...rules, absentWithoutLeavePercent: 4 } };
    expect(ruleOn([...versions, newer], '2026-12-31')!.value.absentWithoutLeavePercent).toBe(3);
    expect(ruleOn([...versions, newer], '2027-01-01')!.value.absentWithoutLeavePercent).toBe(4);
    expect(ruleOn(versions, '2025-12-31')).toBeUndefined();
  });
});
