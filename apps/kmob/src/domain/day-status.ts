import { bandFor, lastBand, type DisciplineRules } from './discipline-rules';

export type ApprovedAbsence = 'DINAS_LUAR' | 'CUTI' | 'SAKIT' | 'IZIN';

/** One working day's schedule in local time (WITA), e.g. 07:30–16:00. */
export interface WorkSchedule {
  start: string;
  end: string;
}

export interface DayFacts {
  /** null when the unit does not work that day (weekend), regardless of holidays. */
  schedule: WorkSchedule | null;
  holiday: boolean;
  /** An approved request covering the day; WFH is not one: it only lifts the geofence. */
  approved?: ApprovedAbsence;
  /** Local time HH:MM of the first check-in and last check-out, if any. */
  checkIn?: string;
  checkOut?: string;
  /** Today, before the day is over: a missing check-out is not (yet) counted as leaving early. */
  dayOpen?: boolean;
}

export interface DayResult {
  status: string;
  minutesLate: number;
  minutesEarly: number;
  deductionPercent: number;
  /** Which bands produced the deduction, so a TPP figure can be explained. */
  applied: string[];
}

const ABSENCE_STATUS: Record<ApprovedAbsence, string> = { DINAS_LUAR: 'DL', CUTI: 'C', SAKIT: 'S', IZIN: 'I' };

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/**
 * One status per employee per day. Off days and holidays are L; approved field duty, leave, sickness
 * and permission are DL/C/S/I without deduction; no record at all is TK. Otherwise lateness and early
 * leave each fall in a band (a missing check-in or check-out counts as the last band) and both
 * deductions add up; the status shows lateness first.
 */
export function resolveDay(facts: DayFacts, rules: DisciplineRules): DayResult {
  const none = { minutesLate: 0, minutesEarly: 0, deductionPercent: 0, applied: [] };
  if (facts.holiday || !facts.schedule) return { status: 'L', ...none };
  if (facts.approved) return { status: ABSENCE_STATUS[facts.approved], ...none };
  if (!facts.checkIn && !facts.checkOut) {
    return { status: 'TK', ...none, deductionPercent: rules.absentWithoutLeavePercent, applied: [`TK ${rules.absentWithoutLeavePercent}%`] };
  }
  const minutesLate = facts.checkIn ? Math.max(0, minutesOf(facts.checkIn) - minutesOf(facts.schedule.start)) : 0;
  const minutesEarly = facts.checkOut ? Math.max(0, minutesOf(facts.schedule.end) - minutesOf(facts.checkOut)) : 0;
  const late = facts.checkIn ? bandFor(rules.lateBands, minutesLate) : lastBand(rules.lateBands);
  const early = facts.checkOut ? bandFor(rules.earlyLeaveBands, minutesEarly) : facts.dayOpen ? null : lastBand(rules.earlyLeaveBands);
  const applied = [late, early].filter((b) => b !== null).map((b) => `${b.code} ${b.percent}%`);
  return {
    status: late?.code ?? early?.code ?? 'H',
    minutesLate,
    minutesEarly,
    deductionPercent: (late?.percent ?? 0) + (early?.percent ?? 0),
    applied,
  };
}

export interface MonthSummary {
  counts: Record<string, number>;
  /** Sum of the days' deductions, capped (rules.monthlyCapPercent). */
  deductionPercent: number;
}

export function summariseMonth(days: readonly DayResult[], rules: DisciplineRules): MonthSummary {
  const counts: Record<string, number> = {};
  let total = 0;
  for (const day of days) {
    counts[day.status] = (counts[day.status] ?? 0) + 1;
    total += day.deductionPercent;
  }
  return { counts, deductionPercent: Math.min(rules.monthlyCapPercent, Math.round(total * 100) / 100) };
}
