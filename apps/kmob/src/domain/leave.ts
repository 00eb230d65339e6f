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
export function annualLeaveBalance(
  rules: AnnualLeaveRules,
  unusedLastYear: number,
  takenThisYear: number,
): { available: number; carriedOver: number; remaining: number } {
  const carriedOver = Math.max(0, Math.min(rules.maxCarriedOverDays, unusedLastYear));
  const available = Math.min(rules.maxBalanceDays, rules.entitlementDays + carriedOver);
  return { available, carriedOver, remaining: available - takenThisYear };
}

const DAY_MS = 86_400_000;

/** Days from `start` to `end`, both YYYY-MM-DD and inclusive. */
export function daysInclusive(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS) + 1;
}

/** ISO weekday of a YYYY-MM-DD date: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/**
 * How many days of a range fall on the given ISO weekdays, counted arithmetically (whole weeks, then
 * the few days left), so a range of any length costs the same: a request spanning decades must not
 * hold the event loop while it is counted day by day.
 */
export function countWeekdays(range: DateRange, weekdays: ReadonlySet<number>): number {
  const days = daysInclusive(range.start, range.end);
  if (days <= 0 || weekdays.size === 0) return 0;
  let count = Math.floor(days / 7) * weekdays.size;
  const first = isoWeekdayOf(range.start);
  for (let i = 0; i < days % 7; i++) if (weekdays.has(((first - 1 + i) % 7) + 1)) count++;
  return count;
}

/** The first existing request that shares a day with `candidate`, if any. */
export function overlapping<T extends DateRange>(existing: readonly T[], candidate: DateRange): T | undefined {
  return existing.find((r) => r.start <= candidate.end && candidate.start <= r.end);
}
