export interface AnnualLeaveRules {
  entitlementDays: number;
  /** Unused days of the previous year that may be carried into this one. */
  maxCarriedOverDays: number;
  maxBalanceDays: number;
}

export interface DateRange {
  /** YYYY-MM-DD, inclusive. */
  start: string;
  end: string;
}

/** This year's annual leave: the entitlement plus what may be carried over from last year's unused days. */
export function annualLeaveBalance(rules: AnnualLeaveRules, unusedLastYear: number, takenThisYear: number): { available: number; carriedOver: number; remaining: number } {
  const carriedOver = Math.max(0, Math.min(rules.maxCarriedOverDays, unusedLastYear));
  const available = Math.min(rules.maxBalanceDays, rules.entitlementDays + carriedOver);
  return { available, carriedOver, remaining: available - takenThisYear };
}

/** Working days in a range, by the unit's calendar (weekends and holidays excluded by `isWorkingDay`). */
export function workingDaysIn(range: DateRange, isWorkingDay: (date: string) => boolean): number {
  let count = 0;
  for (let d = new Date(`${range.start}T00:00:00Z`); d <= new Date(`${range.end}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    if (isWorkingDay(d.toISOString().slice(0, 10))) count++;
  }
  return count;
}

/** The first existing request that shares a day with `candidate`, if any. */
export function overlapping<T extends DateRange>(existing: readonly T[], candidate: DateRange): T | undefined {
  return existing.find((r) => r.start <= candidate.end && candidate.start <= r.end);
}
