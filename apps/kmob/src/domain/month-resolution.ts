import { resolveDay, summariseMonth, type ApprovedAbsence, type DayResult, type WorkSchedule } from './day-status';
import type { DisciplineRules } from './discipline-rules';
import { ruleOn, type EffectiveRule } from './effective-rules';

/** The request types that make a day an approved absence (WFH is not one: the employee still checks in, from anywhere). */
export const ABSENCE_OF: Partial<Record<string, ApprovedAbsence>> = {
  DINAS_LUAR: 'DINAS_LUAR',
  IZIN: 'IZIN',
  SAKIT: 'SAKIT',
  CUTI_TAHUNAN: 'CUTI',
  CUTI_BESAR: 'CUTI',
  CUTI_SAKIT: 'CUTI',
  CUTI_MELAHIRKAN: 'CUTI',
  CUTI_ALASAN_PENTING: 'CUTI',
  CLTN: 'CUTI',
};

/** Where the employee worked from a day on; a null unit means out of service (after a termination). */
export interface UnitSpell {
  validFrom: string;
  unitCode: string | null;
  unitPath: string[] | null;
}

/** Everything one employee's month is decided on, loaded in bulk by K-Mob's MonthFacts. */
export interface EmployeeMonthFacts {
  spells: UnitSpell[];
  /** First check-in and last check-out of a day, in minutes after local midnight. */
  marks: Map<string, { firstIn: number | null; lastOut: number | null }>;
  approved: { type: string; start: string; end: string }[];
}

/** What a unit's day looks like: its hours (null on an off day) and the holiday, if any. */
export interface CalendarView {
  schedule(unitPath: readonly string[], date: string): WorkSchedule | null;
  holiday(date: string): string | undefined;
}

export interface ResolvedDay extends DayResult {
  date: string;
  unitCode: string;
  checkIn: string | null;
  checkOut: string | null;
  holiday: string | null;
  request: string | null;
}

export interface UnitShare {
  unitCode: string;
  workingDays: number;
  deductionPercent: number;
}

export interface MonthOutcome {
  counts: Record<string, number>;
  deductionPercent: number;
  /** Each unit's working days and share of the capped deduction (a mutasi mid-month splits it). */
  units: UnitShare[];
  /** The days that cost something, for the explanation a TPP figure needs. */
  contributingDays: { date: string; unitCode: string; status: string; minutesLate: number; minutesEarly: number; deductionPercent: number }[];
}

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * Each day of `dates` for one employee: the unit of that day from the transfer history, that unit's
 * schedule and the holidays, an approved request, the first check-in and last check-out, and the
 * discipline rules in force that day. Days out of service, or before any rules, are left out; `today`
 * is still open (a missing check-out is not yet leaving early, and an empty today says nothing).
 */
export function resolveEmployeeMonth(
  facts: EmployeeMonthFacts,
  dates: readonly string[],
  calendar: CalendarView,
  rules: readonly EffectiveRule<DisciplineRules>[],
  today?: string,
): ResolvedDay[] {
  const days: ResolvedDay[] = [];
  for (const date of dates) {
    const spell = spellOn(facts.spells, date);
    if (!spell?.unitCode || !spell.unitPath) continue;
    const rule = ruleOn(rules, date);
    if (!rule) continue;
    const mark = facts.marks.get(date);
    const request = facts.approved.find((r) => r.start <= date && date <= r.end && ABSENCE_OF[r.type]) ?? null;
    const dayOpen = date === today;
    if (dayOpen && !mark && !request) continue;
    const checkIn = mark?.firstIn != null ? hhmm(mark.firstIn) : null;
    const checkOut = mark?.lastOut != null ? hhmm(mark.lastOut) : null;
    const holiday = calendar.holiday(date) ?? null;
    const result = resolveDay(
      {
        schedule: calendar.schedule(spell.unitPath, date),
        holiday: holiday !== null,
        approved: request ? ABSENCE_OF[request.type] : undefined,
        checkIn: checkIn ?? undefined,
        checkOut: checkOut ?? undefined,
        dayOpen,
      },
      rule.value,
    );
    days.push({ date, unitCode: spell.unitCode, checkIn, checkOut, holiday, request: request?.type ?? null, ...result });
  }
  return days;
}

/**
 * The month's counts and capped deduction, each unit's working days and share of it (the cap scaled
 * over the days it came from), and the days that cost something.
 */
export function summariseEmployeeMonth(days: readonly ResolvedDay[], rules: DisciplineRules): MonthOutcome {
  const { counts, deductionPercent } = summariseMonth(days, rules);
  const raw = days.reduce((sum, d) => sum + d.deductionPercent, 0);
  const scale = raw > 0 ? deductionPercent / raw : 0;
  const shares = new Map<string, UnitShare>();
  for (const d of days) {
    const share = shares.get(d.unitCode) ?? { unitCode: d.unitCode, workingDays: 0, deductionPercent: 0 };
    if (d.status !== 'L') share.workingDays++;
    share.deductionPercent += d.deductionPercent * scale;
    shares.set(d.unitCode, share);
  }
  const units = [...shares.values()].map((s) => ({ ...s, deductionPercent: Math.round(s.deductionPercent * 100) / 100 }));
  const contributingDays = days
    .filter((d) => d.deductionPercent > 0)
    .map((d) => ({
      date: d.date,
      unitCode: d.unitCode,
      status: d.status,
      minutesLate: d.minutesLate,
      minutesEarly: d.minutesEarly,
      deductionPercent: d.deductionPercent,
    }));
  return { counts, deductionPercent, units, contributingDays };
}

function spellOn(history: readonly UnitSpell[], date: string): UnitSpell | undefined {
  let found: UnitSpell | undefined;
  for (const spell of history) if (spell.validFrom <= date) found = spell;
  return found;
}
