import { requestReducingDays, type ApprovedRequest } from './approved-requests';
import { capped, divide, formatHundredths, fromNumber, multiply, roundHalfUp } from '@app/exact';
import type { MonthlyScore } from './monthly-score';

/**
 * The facts the monthly score is computed from, each decided here once so that the live score, the
 * month close and a correction after it cannot disagree on them.
 */

/**
 * Where the norm's working days and leave days came from: K-Mob's closed month, or until K-Mob closes
 * it, TRK's own calendar less the days of K-Mob's approved requests.
 */
export type NormSource = 'KMOB' | 'TRK_CALENDAR';

/** Every day of a month YYYY-MM, as YYYY-MM-DD. */
export function datesOfMonth(month: string): string[] {
  const [year, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** The days of K-Mob's closed month that lower the norm: the day counts of the statuses the norm rule lists (leave, sick), never TK. */
export function reducingDaysOf(counts: Readonly<Record<string, number>>, reducingStatuses: readonly string[]): number {
  return [...new Set(reducingStatuses)].reduce((total, status) => total + (counts[status] ?? 0), 0);
}

/** From `validFrom` on, the employee served in the unit path given, or was out of service (null). */
export interface ServiceSpell {
  validFrom: string;
  unitPath: readonly string[] | null;
}

/**
 * The working days of `dates` on which the employee was in service, each by the calendar of the unit
 * they were in that day (TRK's own calendar, used until K-Mob has closed the month, with K-Mob's
 * approved requests laid over it), and the days in service at all (0: not in service that month, so
 * there is nothing to score). Spells in date order; `workingDatesOf` gives a unit path's working dates
 * of the month, asked once per spell.
 */
export function workingDatesInService(
  dates: readonly string[],
  spells: readonly ServiceSpell[],
  workingDatesOf: (unitPath: readonly string[]) => ReadonlySet<string>,
): { daysInService: number; workingDates: string[] } {
  let daysInService = 0;
  const workingDates: string[] = [];
  spells.forEach((spell, i) => {
    if (!spell.unitPath) return;
    const until = spells[i + 1]?.validFrom;
    const working = workingDatesOf(spell.unitPath);
    for (const date of dates) {
      if (date < spell.validFrom || (until !== undefined && date >= until)) continue;
      daysInService++;
      if (working.has(date)) workingDates.push(date);
    }
  });
  return { daysInService, workingDates };
}

/**
 * The norm's working days, the days that lower it and where both came from. K-Mob's closed month is
 * the word on them; until it closes, TRK's calendar in service less the working days of K-Mob's
 * approved requests, so that leave lowers the live norm as it will once K-Mob closes the month.
 */
export function normDays(input: {
  kmobMonth?: { workingDays: number; counts: Readonly<Record<string, number>> };
  workingDates: readonly string[];
  requests: readonly ApprovedRequest[];
  reducingStatuses: readonly string[];
}): { workingDays: number; reducingDays: number; source: NormSource } {
  const { kmobMonth, workingDates, requests, reducingStatuses } = input;
  if (kmobMonth) return { workingDays: kmobMonth.workingDays, reducingDays: reducingDaysOf(kmobMonth.counts, reducingStatuses), source: 'KMOB' };
  return { workingDays: workingDates.length, reducingDays: requestReducingDays(workingDates, requests, reducingStatuses), source: 'TRK_CALENDAR' };
}

/**
 * How entries still unverified are treated: shown apart and left out of the score while the month can
 * still be verified (PENDING), then, once the verification deadline has passed or the month is closed,
 * as the norm rule says (COUNTED in full, or NOT_COUNTED).
 */
export type PendingTreatment = 'PENDING' | 'COUNTED' | 'NOT_COUNTED';

export function pendingTreatment(settled: boolean, unverifiedAtClose: 'COUNTED' | 'NOT_COUNTED'): PendingTreatment {
  return settled ? unverifiedAtClose : 'PENDING';
}

/** Minutes that count: approved in full, reduced as reduced (`approvedMinutes` holds both), unverified only when COUNTED. */
export function countedMinutes(approvedMinutes: number, pendingMinutes: number, treatment: PendingTreatment): number {
  return approvedMinutes + (treatment === 'COUNTED' ? pendingMinutes : 0);
}

/**
 * Whether a subordinate met their norm, for their atasan's score: null when the norm asked nothing (a
 * whole month of leave), so such a subordinate is neither counted as meeting it nor as failing it.
 */
export function metNorm(counted: number, normMinutes: number): boolean | null {
  return normMinutes <= 0 ? null : counted >= normMinutes;
}

/** How the position type that picks the score weights was known. */
export type PositionTypeSource = 'SIAP' | 'SUBORDINATES' | 'DEFAULT';

/**
 * The position type whose weights apply: SIAP's type of the employee's position when TRK's copy has
 * the position; otherwise STRUKTURAL for someone with subordinates (they hold a supervisor position)
 * and PELAKSANA for anyone else, the type without any blend.
 */
export function scorePositionType(siapType: string | null, hasSubordinates: boolean): { type: string; source: PositionTypeSource } {
  if (siapType) return { type: siapType, source: 'SIAP' };
  return hasSubordinates ? { type: 'STRUKTURAL', source: 'SUBORDINATES' } : { type: 'PELAKSANA', source: 'DEFAULT' };
}

const hundredths = (decimal: string) => BigInt(decimal.replace('.', ''));

/** Whether the components' points add up to the score exactly (monthlyScore apportions them so that they do). */
export function pointsAddUp(score: MonthlyScore): boolean {
  return score.components.reduce((total, c) => total + hundredths(c.points), 0n) === hundredths(score.score);
}

/** A target's achievement as a percentage with 2 decimals, capped at 100.00 as the score counts it; a target of 0 is "0.00". */
export function achievementPercent(achieved: number, quantity: number): string {
  if (quantity <= 0) return '0.00';
  return formatHundredths(roundHalfUp(multiply(fromNumber(10_000), capped(divide(fromNumber(achieved), fromNumber(quantity))))));
}
