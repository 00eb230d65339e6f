import { isoWeekday } from '../common/local-clock';
import { minutesOf, type WorkSchedule } from '../domain/day-status';
import { ruleOn, type EffectiveRule } from '../rules/effective-rules';

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
}
