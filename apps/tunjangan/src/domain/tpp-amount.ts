import { ONE, add, compare, divide, floor, fraction, fromNumber, multiply, sum, type Fraction } from '@app/exact';
import { eligibleDays, type EligibilityFacts, type EligibleDays } from './eligibility';
import { exactText, parseDecimal } from './exact-text';
import { penaltiesInMonth, type AppliedPenalty, type PenaltyRecord } from './penalties';
import type { ComponentCode, EmployeeType, TppRuleSet } from './tpp-rule-set';

/** Everything one TPP line (one employee, one OPD period, one work month) is computed from. */
export interface TppLineFacts {
  /** The work month, YYYY-MM (TPP is paid the month after). */
  month: string;
  opdCode: string;
  employeeType: EmployeeType;
  kelas: number;
  jabatanCode: string | null;
  /** TRK's published score for the month, "0.00"–"100.00"; null when TRK has not published one. */
  performance: { score: string; version: number } | null;
  /** K-Mob's published deduction for this OPD period, in percent, already capped by K-Mob's rules; null when not published. */
  discipline: { deductionPercent: number; version: number } | null;
  days: EligibilityFacts;
  penalties: readonly PenaltyRecord[];
}

export type HoldCode = 'NO_SCORE' | 'NO_DISCIPLINE' | 'NO_CEILING' | 'NO_STATUS_FACTOR' | 'NO_WORKING_DAYS' | 'PENALTY_UNREADABLE';

/** Why a line is held instead of paid, in Bahasa Indonesia for the operator. */
export interface HoldReason {
  code: HoldCode;
  message: string;
}

export interface ComponentStep {
  code: ComponentCode;
  weightPercent: number;
  /** S for KINERJA, 1 − D for DISIPLIN. */
  factor: string;
  /** weight × factor. */
  contribution: string;
}

/** Every value of §4.9 for one line, exact (exactText), so the amount can be explained and recomputed. */
export interface TppLineSteps {
  ceiling: string;
  ceilingFrom: 'KELAS' | 'JABATAN';
  statusFactor: string;
  base: string;
  score: string;
  scoreVersion: number;
  performanceFactor: string;
  deductionPercent: string;
  disciplineVersion: number;
  disciplineDeduction: string;
  disciplineDeductionCapped: boolean;
  components: ComponentStep[];
  componentFactor: string;
  penalties: AppliedPenalty[];
  penaltyPercent: string;
  penaltyPercentCapped: boolean;
  penaltyFactor: string;
  /** The full-month amount: base × component factor × penalty factor. */
  amount: string;
  days: EligibleDays;
  grossExact: string;
  /** Whole rupiah, rounded down (§4.9 step 5). */
  gross: string;
}

interface LineHeader {
  month: string;
  opdCode: string;
  employeeType: EmployeeType;
  kelas: number;
  jabatanCode: string | null;
  ruleSetId: string;
}

export type TppLineResult = (LineHeader & { status: 'COMPUTED'; steps: TppLineSteps }) | (LineHeader & { status: 'HELD'; holds: HoldReason[] });

const HUNDRED = fraction(100n);
const percentOf = (percent: Fraction) => divide(percent, HUNDRED);
const atMostOne = (value: Fraction) => (compare(value, ONE) > 0 ? ONE : value);

/**
 * One TPP line in the order of tpp-and-skp.md §4.9, with the rule set in force for its month
 * (ruleSetForMonth): base = ceiling × status factor; S = score ÷ 100; D = min(1, K-Mob's deduction);
 * amount = base × Σ(weight × component factor) × (1 − min(cap, Σ penalties)); gross = floor(amount ×
 * eligible days ÷ working days). Exact until that one floor. A missing input holds the line.
 */
export function computeTppLine(facts: TppLineFacts, ruleSet: TppRuleSet): TppLineResult {
  const rules = ruleSet.value;
  const header: LineHeader = {
    month: facts.month,
    opdCode: facts.opdCode,
    employeeType: facts.employeeType,
    kelas: facts.kelas,
    jabatanCode: facts.jabatanCode,
    ruleSetId: ruleSet.id,
  };
  const holds: HoldReason[] = [];
  const hold = (code: HoldCode, message: string) => holds.push({ code, message });

  const override = facts.jabatanCode === null ? undefined : rules.ceilingOverrideByJabatan[facts.jabatanCode];
  const ceiling = override ?? rules.ceilingByKelas[String(facts.kelas)];
  if (ceiling === undefined) hold('NO_CEILING', `Pagu kelas jabatan ${facts.kelas} tidak ada dalam aturan ${ruleSet.id}`);
  const factor = rules.statusFactors[facts.employeeType];
  if (factor === undefined) hold('NO_STATUS_FACTOR', `Aturan ${ruleSet.id} tidak memberi TPP kepada ${facts.employeeType}`);
  if (facts.performance === null) hold('NO_SCORE', 'Skor kinerja TRK bulan ini belum terbit');
  if (facts.discipline === null) hold('NO_DISCIPLINE', 'Rekap disiplin K-Mob bulan ini belum terbit');
  if (facts.days.workingDates.length === 0) hold('NO_WORKING_DAYS', 'Kalender bulan ini tidak memiliki hari kerja');
  const { applied, problems } = penaltiesInMonth(facts.penalties, facts.month, rules.penalties);
  for (const problem of problems) hold('PENALTY_UNREADABLE', problem);
  if (holds.length > 0 || ceiling === undefined || factor === undefined || !facts.performance || !facts.discipline) return { ...header, status: 'HELD', holds };

  const statusFactor = fromNumber(factor);
  const base = multiply(fraction(BigInt(ceiling)), statusFactor);
  const score = parseDecimal(facts.performance.score);
  const performanceFactor = divide(score, HUNDRED);
  const deductionPercent = fromNumber(facts.discipline.deductionPercent);
  const disciplineDeduction = atMostOne(percentOf(deductionPercent));
  const componentFactorOf: Record<ComponentCode, Fraction> = { KINERJA: performanceFactor, DISIPLIN: add(ONE, multiply(disciplineDeduction, fraction(-1n))) };
  const components = rules.components.map((c) => ({
    ...c,
    factor: componentFactorOf[c.code],
    contribution: multiply(percentOf(fromNumber(c.weightPercent)), componentFactorOf[c.code]),
  }));
  const componentFactor = sum(components.map((c) => c.contribution));

  const penaltyTotal = sum(applied.map((p) => fromNumber(p.percent)));
  const penaltyCap = fromNumber(rules.penalties.combinedCapPercent);
  const penaltyPercent = compare(penaltyTotal, penaltyCap) > 0 ? penaltyCap : penaltyTotal;
  const penaltyFactor = add(ONE, multiply(percentOf(penaltyPercent), fraction(-1n)));

  const amount = multiply(multiply(base, componentFactor), penaltyFactor);
  const days = eligibleDays(facts.days, rules.excludedStatuses);
  const grossExact = divide(multiply(amount, fraction(BigInt(days.eligibleDays))), fraction(BigInt(days.workingDays)));

  return {
    ...header,
    status: 'COMPUTED',
    steps: {
      ceiling: String(ceiling),
      ceilingFrom: override === undefined ? 'KELAS' : 'JABATAN',
      statusFactor: exactText(statusFactor),
      base: exactText(base),
      score: facts.performance.score,
      scoreVersion: facts.performance.version,
      performanceFactor: exactText(performanceFactor),
      deductionPercent: exactText(deductionPercent),
      disciplineVersion: facts.discipline.version,
      disciplineDeduction: exactText(disciplineDeduction),
      disciplineDeductionCapped: compare(percentOf(deductionPercent), ONE) > 0,
      components: components.map((c) => ({
        code: c.code,
        weightPercent: c.weightPercent,
        factor: exactText(c.factor),
        contribution: exactText(c.contribution),
      })),
      componentFactor: exactText(componentFactor),
      penalties: applied,
      penaltyPercent: exactText(penaltyPercent),
      penaltyPercentCapped: compare(penaltyTotal, penaltyCap) > 0,
      penaltyFactor: exactText(penaltyFactor),
      amount: exactText(amount),
      days,
      grossExact: exactText(grossExact),
      gross: String(floor(grossExact)),
    },
  };
}
