import { resolveDay, type WorkSchedule } from './day-status';
import type { DisciplineRules } from './discipline-rules';
import { ABSENCE_OF } from './month-resolution';

/** One employee's today as far as it goes: where they work, the calendar, approved requests and the marks so far. */
export interface TodayFacts {
  /** False when the employee is not in service today (before the first unit, or after termination). */
  inService: boolean;
  /** The unit's hours today; null when it does not work today (weekend or its own schedule). */
  schedule: WorkSchedule | null;
  /** The holiday's name, if today is one. */
  holiday: string | null;
  /** Types of the approved requests covering today. */
  approvedTypes: readonly string[];
  /** Local time HH:MM of the first check-in and the last check-out so far. */
  checkIn: string | null;
  checkOut: string | null;
}

export interface TodayOutcome {
  workingDay: boolean;
  /** The day's provisional status: L on an off day, DL/C/S/I on approved absence, else by the marks; null while nothing decides it yet. */
  status: string | null;
}

/**
 * Today's provisional status, decided like any day (resolveDay) but with the day still open: a missing
 * check-out is not yet leaving early, and a day with no mark yet is undecided (null) rather than TK.
 * No discipline rules in force today means no status at all, as in a month's resolution.
 */
export function resolveToday(facts: TodayFacts, rules: DisciplineRules | undefined): TodayOutcome {
  if (!facts.inService) return { workingDay: false, status: null };
  const workingDay = facts.schedule !== null && facts.holiday === null;
  if (!rules) return { workingDay, status: null };
  const absence = facts.approvedTypes.map((type) => ABSENCE_OF[type]).find((a) => a !== undefined);
  if (workingDay && !absence && facts.checkIn === null && facts.checkOut === null) return { workingDay, status: null };
  const day = resolveDay(
    {
      schedule: facts.schedule,
      holiday: facts.holiday !== null,
      approved: absence,
      checkIn: facts.checkIn ?? undefined,
      checkOut: facts.checkOut ?? undefined,
      dayOpen: true,
    },
    rules,
  );
  return { workingDay, status: day.status };
}
