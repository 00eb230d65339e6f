import type { DistributionPattern } from '../domain/skp';
import type { ScoreWeights } from '../domain/monthly-score';

/**
 * The kinds of effective-dated rules TRK keeps. `norm` and `workday` may also be set per unit (a unit
 * code as scope), nearest unit on the employee's unit path first.
 */
export const RULE_KINDS = ['norm', 'score-weights', 'skp-distribution', 'workday'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Kinds a unit may have its own version of. */
export const UNIT_SCOPED_KINDS: readonly RuleKind[] = ['norm', 'workday'];

export const UNVERIFIED_AT_CLOSE = ['NOT_COUNTED', 'COUNTED'] as const;

/** The province's norm (norm.json): the monthly minutes, the daily cut-off and the verification deadline. */
export interface NormRule {
  normMinutes: number;
  /** K-Mob day statuses that lower the month's norm (leave, sick). */
  reducingStatuses: string[];
  /** "HH:MM" local time: entries of the day are accepted until just before it. */
  cutoff: string;
  /** Entries of a month are verified by this day of the following month. */
  verificationDeadlineDay: number;
  /** What an entry still unverified at the deadline counts as when the month closes. */
  unverifiedAtClose: (typeof UNVERIFIED_AT_CLOSE)[number];
}

/** A unit's own version of the norm: only its cut-off differs from the province's. */
export interface UnitNormRule {
  cutoff: string;
}

/** Working hours per ISO weekday ("1" = Monday); a weekday not listed is an off day. */
export interface WorkdayRule {
  days: Record<string, { start: string; end: string; workingMinutes: number }>;
}

export type ScoreWeightRule = Record<string, ScoreWeights>;
export type SkpDistributionRule = DistributionPattern;
