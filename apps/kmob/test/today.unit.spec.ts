import type { DisciplineRules } from '../src/domain/discipline-rules';
import { ruleOn, type EffectiveRule } from '../src/domain/effective-rules';
import { countedTime, type OfflineCheckInRule } from '../src/domain/offline-check-in';
import { resolveToday, type TodayFacts } from '../src/domain/today';
import seed from '../src/rules/seed/discipline-rules.json';
import offlineSeed from '../src/rules/seed/offline-check-in-rules.json';

const rules = ruleOn(seed as EffectiveRule<DisciplineRules>[], '2026-11-02')!.value;
const MON_THU = { start: '07:30', end: '16:00' };
const day = (facts: Partial<TodayFacts>): TodayFacts => ({
  inService: true,
  schedule: MON_THU,
  holiday: null,
  approvedTypes: [],
  checkIn: null,
  checkOut: null,
  ...facts,
});

describe("today's provisional status (the day still open)", () => {
  it.each<{ case: string; facts: TodayFacts; workingDay: boolean; status: string | null }>([
    { case: 'nothing yet on a working day', facts: day({}), workingDay: true, status: null },
    { case: 'in on time, not out yet', facts: day({ checkIn: '07:25' }), workingDay: true, status: 'H' },
    { case: 'in 20 minutes late, not out yet', facts: day({ checkIn: '07:50' }), workingDay: true, status: 'TL1' },
    { case: 'in 95 minutes late', facts: day({ checkIn: '09:05' }), workingDay: true, status: 'TL4' },
    { case: 'out 40 minutes early', facts: day({ checkIn: '07:20', checkOut: '15:20' }), workingDay: true, status: 'PSW2' },
    { case: 'out with no check-in', facts: day({ checkOut: '16:05' }), workingDay: true, status: 'TL4' },
    { case: 'approved field duty', facts: day({ approvedTypes: ['DINAS_LUAR'] }), workingDay: true, status: 'DL' },
    { case: 'approved annual leave', facts: day({ approvedTypes: ['CUTI_TAHUNAN'] }), workingDay: true, status: 'C' },
    { case: 'approved sick note', facts: day({ approvedTypes: ['SAKIT'] }), workingDay: true, status: 'S' },
    { case: 'approved WFH, checked in on time', facts: day({ approvedTypes: ['WFH'], checkIn: '07:30' }), workingDay: true, status: 'H' },
    { case: 'approved WFH, nothing yet', facts: day({ approvedTypes: ['WFH'] }), workingDay: true, status: null },
    { case: 'a public holiday', facts: day({ holiday: 'Hari Raya Natal' }), workingDay: false, status: 'L' },
    { case: 'a weekend, checked in anyway', facts: day({ schedule: null, checkIn: '08:00' }), workingDay: false, status: 'L' },
    { case: 'not in service', facts: day({ inService: false, checkIn: '07:25' }), workingDay: false, status: null },
  ])('$case: working day $workingDay, status $status', ({ facts, workingDay, status }) => {
    expect(resolveToday(facts, rules)).toEqual({ workingDay, status });
  });

  it('has no status before any discipline rules are in force', () => {
    expect(resolveToday(day({ checkIn: '07:25' }), undefined)).toEqual({ workingDay: true, status: null });
  });
});

describe('the time an offline check-in counts at (seeded offline window)', () => {
  const rule = ruleOn(offlineSeed as EffectiveRule<OfflineCheckInRule>[], '2026-11-02')!.value;
  const received = new Date('2026-11-02T00:30:00Z'); // 08:30 WITA
  const at = (offsetMs: number) => new Date(received.getTime() + offsetMs);
  const MINUTE = 60_000;

  it.each<{ case: string; offsetMs: number; expected: string }>([
    { case: 'sent at once', offsetMs: 0, expected: 'counted at 2026-11-02T00:30:00.000Z' },
    { case: 'made 55 minutes before it arrived', offsetMs: -55 * MINUTE, expected: 'counted at 2026-11-01T23:35:00.000Z' },
    {
      case: 'made at the edge of the window',
      offsetMs: -rule.maxDelayMinutes * MINUTE,
      expected: `counted at ${at(-rule.maxDelayMinutes * MINUTE).toISOString()}`,
    },
    { case: 'made a minute before the window', offsetMs: -(rule.maxDelayMinutes + 1) * MINUTE, expected: 'refused TOO_LATE' },
    { case: 'a phone clock 30 s ahead', offsetMs: 30_000, expected: 'counted at 2026-11-02T00:30:00.000Z' },
    { case: 'a phone clock beyond the tolerance', offsetMs: (rule.maxClockAheadSeconds + 1) * 1000, expected: 'refused IN_THE_FUTURE' },
  ])('$case: $expected', ({ offsetMs, expected }) => {
    const verdict = countedTime(at(offsetMs), received, rule);
    expect(verdict.accepted ? `counted at ${verdict.counted.toISOString()}` : `refused ${verdict.reason}`).toBe(expected);
  });
});
