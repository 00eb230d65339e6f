import { isoWeekdayOf as isoWeekday } from './leave';
import { minutesOf, type WorkSchedule } from './day-status';
import { countWeekdays, type DateRange } from './leave';
import { ruleOn, type EffectiveRule } from './effective-rules';

/** Working hours per ISO weekday ("1" = Monday); a weekday not listed is an off day. */
export interface ScheduleRule {
  days: Record<string, WorkSchedule>;
}

/**
 * Which days a unit works and when: the schedule version in force for the nearest unit (itself, then
 * its ancestors) that has one, else the province default (scope ''), and the holiday calendar.
 */
export class WorkCalendar {
  private readonly byScope = new Map<string, EffectiveRule<ScheduleRule>[]>();

  constructor(
    schedules: (EffectiveRule<ScheduleRule> & { scope: string })[],
    private readonly holidays: Map<string, string>,
  ) {
    for (const s of schedules) this.byScope.set(s.scope, [...(this.byScope.get(s.scope) ?? []), s]);
  }

  holiday(date: string): string | undefined {
    return this.holidays.get(date);
  }

  /** The unit's hours that day, or null on a weekend or off day (holidays are separate). */
  schedule(unitPath: readonly string[], date: string): WorkSchedule | null {
    for (const scope of [...unitPath, '']) {
      const versions = this.byScope.get(scope);
      const rule = versions && ruleOn(versions, date);
      if (rule) return rule.value.days[String(isoWeekday(date))] ?? null;
    }
    return null;
  }

  /** Every scope with a schedule in force on `date`, with its start minute, or null when it does not work that day. */
  scopesOn(date: string): { scope: string; startMinute: number | null }[] {
    return [...this.byScope].flatMap(([scope, versions]) => {
      const rule = ruleOn(versions, date);
      if (!rule) return [];
      const hours = rule.value.days[String(isoWeekday(date))];
      return [{ scope, startMinute: hours ? minutesOf(hours.start) : null }];
    });
  }

  isWorkingDay(unitPath: readonly string[], date: string): boolean {
    return !this.holiday(date) && this.schedule(unitPath, date) !== null;
  }

  /**
   * Working days of a unit in a range without walking it day by day: the range is cut where any
   * schedule that could apply changes version, each piece counts its scheduled weekdays
   * arithmetically, and holidays on scheduled days are taken off. Holidays must be loaded for the range.
   */
  countWorkingDays(unitPath: readonly string[], range: DateRange): number {
    const scopes = [...unitPath, ''];
    const cuts = [...new Set(scopes.flatMap((scope) => (this.byScope.get(scope) ?? []).map((v) => v.effectiveFrom)))]
      .filter((date) => date > range.start && date <= range.end)
      .sort();
    let count = 0;
    let from = range.start;
    for (const cut of [...cuts, null]) {
      const to = cut === null ? range.end : previousDay(cut);
      const days = this.scheduleDays(unitPath, from);
      count += countWeekdays({ start: from, end: to }, days);
      if (cut !== null) from = cut;
    }
    for (const date of this.holidays.keys()) {
      if (date >= range.start && date <= range.end && this.schedule(unitPath, date) !== null) count--;
    }
    return count;
  }

  /** The ISO weekdays the unit works under the schedule version in force on `date`. */
  private scheduleDays(unitPath: readonly string[], date: string): Set<number> {
    for (const scope of [...unitPath, '']) {
      const versions = this.byScope.get(scope);
      const rule = versions && ruleOn(versions, date);
      if (rule) return new Set(Object.keys(rule.value.days).map(Number));
    }
    return new Set();
  }
}

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
