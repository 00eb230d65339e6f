import type { NormSource, PendingTreatment, PositionTypeSource } from '../domain/score-facts';
import type { ScoreComponent } from '../domain/monthly-score';

/** The month's norm for one employee and where each of its figures came from. */
export interface NormFactsView {
  /** The full month's norm in the rule in force. */
  fullMinutes: number;
  workingDays: number;
  /** Working days with a status the norm rule lists (leave, sick): from K-Mob's closed month, or before it closes, its approved requests. */
  reducingDays: number;
  reducingStatuses: string[];
  proratedMinutes: number;
  source: NormSource;
  kmobVersion: number | null;
  ruleSource: string;
  ruleEffectiveFrom: string;
}

export interface TargetAchievement {
  id: string;
  title: string;
  quantity: number;
  outputUnit: string;
  /** As counted in the score: approved outputs, and pending ones only when the norm rule counts them. */
  achieved: number;
  pendingQuantity: number;
  achievementPercent: string;
}

/** One employee's monthly score with everything needed to explain it. */
export interface ComputedScore {
  nip: string;
  month: string;
  score: string;
  components: ScoreComponent[];
  /** The components' points add up to the score exactly. */
  partsAddUp: boolean;
  /** Minutes that counted in the score. */
  approvedMinutes: number;
  /** Of them, from verified entries: approved in full, reduced as reduced. */
  verifiedMinutes: number;
  pending: { minutes: number; entries: number; treatment: PendingTreatment; verificationDeadline: string };
  norm: NormFactsView;
  targets: TargetAchievement[];
  /** For an atasan: direct subordinates with a norm this month, and how many met it; null for others. */
  subordinates: { total: number; metNorm: number } | null;
  positionType: string;
  positionTypeSource: PositionTypeSource;
  weights: { activity: number; target: number; subordinates: number; inRules: boolean; source: string; effectiveFrom: string };
  /** Each figure's origin, in Bahasa Indonesia. */
  explanation: string[];
}
