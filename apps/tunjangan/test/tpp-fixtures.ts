import type { TppLineFacts } from '../src/domain/tpp-amount';
import type { TppRuleSet } from '../src/domain/tpp-rule-set';
import seed from '../src/rules/seed/tpp-rule-set.json';

/** The seeded rule set (in force from 1 January 2024). */
export const SEED = seed as TppRuleSet;

/** A rule set derived from the seed, for the cases that need another version or a stricter variant. */
export function ruleSetWith(id: string, effectiveFrom: string, change: (rules: TppRuleSet['value']) => void): TppRuleSet {
  const version: TppRuleSet = { ...structuredClone(SEED), id, effectiveFrom };
  change(version.value);
  return version;
}

/** Monday–Friday of a month less the listed holidays: the K-Mob calendar the line is given. */
export function workingDates(month: string, holidays: readonly string[] = []): string[] {
  const [year, index] = month.split('-').map(Number);
  const dates: string[] = [];
  for (let day = 1; day <= new Date(Date.UTC(year, index, 0)).getUTCDate(); day++) {
    const date = new Date(Date.UTC(year, index - 1, day));
    const iso = date.toISOString().slice(0, 10);
    if (date.getUTCDay() % 6 !== 0 && !holidays.includes(iso)) dates.push(iso);
  }
  return dates;
}

/** April 2026: 22 weekdays less Wafat Yesus Kristus (Friday 3 April) = 21 working days. */
export const APRIL_2026 = workingDates('2026-04', ['2026-04-03']);

/** A PNS of kelas 9 in OPD DINKES for the whole of April 2026, score 90.00, no discipline deduction, no penalty. */
export function lineFacts(change: Partial<TppLineFacts> = {}, days: Partial<TppLineFacts['days']> = {}): TppLineFacts {
  return {
    month: '2026-04',
    opdCode: 'DINKES',
    employeeType: 'PNS',
    kelas: 9,
    jabatanCode: null,
    performance: { score: '90.00', version: 1 },
    discipline: { deductionPercent: 0, version: 1 },
    penalties: [],
    ...change,
    days: {
      workingDates: APRIL_2026,
      linePeriod: { from: '2026-04-01', to: '2026-04-30' },
      tmt: null,
      lastDayInService: null,
      statusPeriods: [],
      ...days,
    },
  };
}
