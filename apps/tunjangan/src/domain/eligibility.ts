import { addDays, lastDayOfMonth } from './month-calendar';

/** Both ends included, YYYY-MM-DD. */
export interface DateRange {
  from: string;
  to: string;
}

/** A SIAP status held over a range of days (CLTN, PEMBERHENTIAN_SEMENTARA, TUGAS_BELAJAR, …). */
export interface StatusPeriod extends DateRange {
  status: string;
}

export type EndOfService =
  /** Pension at BUP takes effect on the 1st of the month after the BUP month, so that month is served in full (§4.8 [K]). */
  | { reason: 'BUP'; bupMonth: string }
  /** The day of death is the last day in service. */
  | { reason: 'DEATH'; date: string }
  /** Dismissal takes effect on its TMT: the day before is the last day in service. */
  | { reason: 'DISMISSAL'; tmt: string };

export function lastDayInService(end: EndOfService): string {
  if (end.reason === 'BUP') return lastDayOfMonth(end.bupMonth);
  return end.reason === 'DEATH' ? end.date : addDays(end.tmt, -1);
}

export interface EligibilityFacts {
  /** The month's working days in the employee's K-Mob calendar (5-day week less holidays and cuti bersama). */
  workingDates: readonly string[];
  /** The days the employee belonged to this line's OPD within the month (unit history). */
  linePeriod: DateRange;
  /** TMT of entering service (a new CPNS), or null when it is before the month. */
  tmt: string | null;
  /** The last day in service (lastDayInService), or null while in service. */
  lastDayInService: string | null;
  statusPeriods: readonly StatusPeriod[];
}

export type NotEligibleReason = 'OTHER_OPD' | 'BEFORE_TMT' | 'AFTER_SERVICE' | 'EXCLUDED_STATUS';

export interface EligibleDays {
  workingDays: number;
  eligibleDays: number;
  /** Working days that are not paid on this line, each counted once under its first reason. */
  notEligible: { reason: NotEligibleReason; status: string | null; days: number }[];
}

/**
 * Which of the month's working days this line pays for (§4.8): those in the line's OPD period, in
 * service (from TMT to the last day), and not in a status the rule set excludes. A day outside the OPD
 * period belongs to the employee's other line, so it is reported apart from the days nobody pays.
 */
export function eligibleDays(facts: EligibilityFacts, excludedStatuses: readonly string[]): EligibleDays {
  const tally = new Map<string, { reason: NotEligibleReason; status: string | null; days: number }>();
  const count = (reason: NotEligibleReason, status: string | null = null) => {
    const key = `${reason}:${status ?? ''}`;
    const entry = tally.get(key) ?? { reason, status, days: 0 };
    entry.days++;
    tally.set(key, entry);
  };
  let eligible = 0;
  for (const date of facts.workingDates) {
    const excluded = facts.statusPeriods.find((p) => excludedStatuses.includes(p.status) && p.from <= date && date <= p.to);
    if (date < facts.linePeriod.from || date > facts.linePeriod.to) count('OTHER_OPD');
    else if (facts.tmt !== null && date < facts.tmt) count('BEFORE_TMT');
    else if (facts.lastDayInService !== null && date > facts.lastDayInService) count('AFTER_SERVICE');
    else if (excluded) count('EXCLUDED_STATUS', excluded.status);
    else eligible++;
  }
  return { workingDays: facts.workingDates.length, eligibleDays: eligible, notEligible: [...tally.values()] };
}
