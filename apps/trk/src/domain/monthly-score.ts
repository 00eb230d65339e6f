import { formatCount } from './bahasa-format';
import { apportion, capped, divide, formatHundredths, fromNumber, multiply, roundHalfUp, sum, type Fraction } from '@app/exact';

export interface NormFacts {
  /** The monthly norm for a full month (from the rules in force). */
  normMinutes: number;
  /** Working days of the month in the employee's calendar. */
  workingDays: number;
  /** Working days that lower the norm (leave, sick; the statuses the rules list), not TK. */
  reducingDays: number;
}

/**
 * The month's norm for this employee: the full norm scaled to the working days not spent on leave, so
 * a month with leave asks for proportionally fewer minutes. Rounded to whole minutes, half up.
 */
export function proratedNorm(input: NormFacts): number {
  const { normMinutes, workingDays } = input;
  if (workingDays <= 0) return 0;
  const counted = Math.min(workingDays, Math.max(0, workingDays - input.reducingDays));
  return Number(roundHalfUp(divide(multiply(fromNumber(normMinutes), fromNumber(counted)), fromNumber(workingDays))));
}

export type ScoreComponentCode = 'ACTIVITY' | 'TARGET' | 'SUBORDINATES';

export interface ScoreWeights {
  /** Percentages per component (integers summing to 100 in the rules). */
  activity: number;
  target: number;
  subordinates: number;
}

export interface MonthlyScoreFacts {
  approvedMinutes: number;
  /** The norm already prorated (proratedNorm). */
  normMinutes: number;
  /** IKI targets of the month: what was achieved against what was set. */
  targets: readonly { achieved: number; target: number }[];
  /** For an atasan: subordinates and how many of them met their norm; null for others. */
  subordinates: { total: number; metNorm: number } | null;
  weights: ScoreWeights;
}

export interface ScoreComponent {
  code: ScoreComponentCode;
  label: string;
  /** Percent 0.00–100.00, capped at 100. */
  achievement: string;
  /** The weight it carried after redistribution, percent with 2 decimals. */
  weight: string;
  /** Its contribution to the score, 2 decimals; the components' points add up to the score exactly. */
  points: string;
  detail: string;
}

export interface MonthlyScore {
  /** "0.00" to "100.00". */
  score: string;
  /** The components that counted; one that did not apply is left out. */
  components: ScoreComponent[];
}

export const SCORE_COMPONENT_LABEL: Record<ScoreComponentCode, string> = {
  ACTIVITY: 'Aktivitas harian',
  TARGET: 'Capaian target kinerja (IKI)',
  SUBORDINATES: 'Bawahan yang memenuhi norma',
};

interface ApplicableComponent {
  code: ScoreComponentCode;
  /** Achievement as a ratio in [0, 1]. */
  ratio: Fraction;
  weight: Fraction;
  detail: string;
}

const HUNDREDTHS_OF_PERCENT = fromNumber(10_000);

function activity({ approvedMinutes, normMinutes }: MonthlyScoreFacts): Omit<ApplicableComponent, 'weight'> | null {
  // A norm of 0 (a whole month of leave) asks for nothing, so there is nothing to measure.
  if (normMinutes <= 0) return null;
  return {
    code: 'ACTIVITY',
    ratio: capped(divide(fromNumber(approvedMinutes), fromNumber(normMinutes))),
    detail: `${formatCount(approvedMinutes)} dari ${formatCount(normMinutes)} menit`,
  };
}

function target({ targets }: MonthlyScoreFacts): Omit<ApplicableComponent, 'weight'> | null {
  // A target of 0 sets nothing to achieve and cannot be measured: it is left out of the mean, not counted as met.
  const measurable = targets.filter((t) => t.target > 0);
  if (measurable.length === 0) return null;
  const ratios = measurable.map((t) => capped(divide(fromNumber(t.achieved), fromNumber(t.target))));
  const ignored = targets.length - measurable.length;
  return {
    code: 'TARGET',
    ratio: divide(sum(ratios), fromNumber(measurable.length)),
    detail: `rata-rata capaian ${measurable.length} target` + (ignored > 0 ? `; ${ignored} target bernilai 0 tidak dihitung` : ''),
  };
}

function subordinates({ subordinates: team }: MonthlyScoreFacts): Omit<ApplicableComponent, 'weight'> | null {
  if (team === null || team.total <= 0) return null;
  return {
    code: 'SUBORDINATES',
    ratio: capped(divide(fromNumber(team.metNorm), fromNumber(team.total))),
    detail: `${formatCount(team.metNorm)} dari ${formatCount(team.total)} bawahan memenuhi norma`,
  };
}

/**
 * The month's performance score, 0–100 with 2 decimals, and the components it came from. Each
 * component is an achievement capped at 100%: approved minutes against the prorated norm, the mean of
 * the IKI targets' achievements, and (for an atasan) the share of subordinates who met their norm.
 *
 * A component that does not apply to this employee this month (no norm, no targets, no subordinates),
 * or that the rules weigh at 0, is left out and its weight redistributed to the others in proportion to
 * theirs, so nobody is scored down for something that was not asked of them. Nothing left: "0.00".
 *
 * Everything is exact until the score is rounded once, half up to hundredths; the points shown per
 * component are then apportioned by largest remainder so they add up to the shown score exactly (and
 * the shown weights to 100.00), which rounding each part on its own would not guarantee.
 */
export function monthlyScore(input: MonthlyScoreFacts): MonthlyScore {
  const weightOf: Record<ScoreComponentCode, number> = {
    ACTIVITY: input.weights.activity,
    TARGET: input.weights.target,
    SUBORDINATES: input.weights.subordinates,
  };
  const applicable: ApplicableComponent[] = [activity(input), target(input), subordinates(input)]
    .filter((c) => c !== null)
    .map((c) => ({ ...c, weight: fromNumber(weightOf[c.code]) }))
    .filter((c) => c.weight.num > 0n);
  if (applicable.length === 0) return { score: '0.00', components: [] };

  const totalWeight = sum(applicable.map((c) => c.weight));
  const shareOf = (c: ApplicableComponent) => multiply(HUNDREDTHS_OF_PERCENT, divide(c.weight, totalWeight));
  const exactPoints = applicable.map((c) => multiply(shareOf(c), c.ratio));
  const score = roundHalfUp(sum(exactPoints));
  const points = apportion(exactPoints, score);
  const weights = apportion(applicable.map(shareOf), 10_000n);
  return {
    score: formatHundredths(score),
    components: applicable.map((c, i) => ({
      code: c.code,
      label: SCORE_COMPONENT_LABEL[c.code],
      achievement: formatHundredths(roundHalfUp(multiply(HUNDREDTHS_OF_PERCENT, c.ratio))),
      weight: formatHundredths(weights[i]),
      points: formatHundredths(points[i]),
      detail: c.detail,
    })),
  };
}
