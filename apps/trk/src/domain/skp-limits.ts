import { PREDIKAT_LABEL, type DistributionRule, type Predikat } from './skp';

/** One constraint of a pattern applied to a unit of n: the counts it allows and how many there are. */
export interface DistributionLimit {
  predikat: Predikat[];
  label: string;
  /** The most allowed (floor of max% of n; 0 for "none"), or null when the rule sets no maximum. */
  most: number | null;
  /** The least needed (ceil of min% of n; 1 for "harus ada"), or null when the rule sets no minimum. */
  least: number | null;
  actual: number;
}

/** p% of n rounded down, in whole-number arithmetic (p × n is an exact integer), as distributionViolations counts it. */
const down = (percent: number, n: number) => (percent * n - ((percent * n) % 100)) / 100;
/** p% of n rounded up. */
const up = (percent: number, n: number) => down(percent, n) + ((percent * n) % 100 > 0 ? 1 : 0);

/**
 * What each constraint of the pattern allows a unit of this size, beside what it has, so a unit
 * head sees the room left before finalising (distributionViolations says which are broken, with the
 * same rounding: a maximum rounds down and a minimum up, never in the unit's favour).
 */
export function distributionLimits(pattern: readonly DistributionRule[], counts: Partial<Record<Predikat, number>>): DistributionLimit[] {
  const n = Object.values(counts).reduce((total, count) => total + (count ?? 0), 0);
  return pattern.map((rule) => {
    const most = rule.none ? 0 : rule.max !== undefined ? down(rule.max, n) : null;
    const least = rule.min !== undefined ? Math.max(up(rule.min, n), rule.mustExist ? 1 : 0) : rule.mustExist ? 1 : null;
    return {
      predikat: rule.predikat,
      label: rule.predikat.map((p) => PREDIKAT_LABEL[p]).join(' dan/atau '),
      most,
      least,
      actual: rule.predikat.reduce((total, p) => total + (counts[p] ?? 0), 0),
    };
  });
}
