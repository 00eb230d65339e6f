import { addMonths, monthOf } from './month-calendar';
import type { PenaltyRules } from './tpp-rule-set';

/** A sentence or finding in the employee's SIAP riwayat that cuts TPP (§4.7). The engine never imposes one. */
export type PenaltyRecord =
  | { kind: 'HUKDIS_RINGAN'; type: string; skDate: string; reference: string }
  /** The SK sets the length: 6, 9 or 12 months under PP 94/2021. */
  | { kind: 'HUKDIS_SEDANG'; skDate: string; months: number; reference: string }
  | { kind: 'HUKDIS_BERAT'; skDate: string; reference: string }
  /** Cut from the first late month up to the month before it is reported; open while unreported. */
  | { kind: 'LHKPN_LATE'; firstLateMonth: string; reportedOn: string | null; reference: string };

export type PenaltyKind = PenaltyRecord['kind'];

export interface PenaltyWindow {
  /** Work months covered, both included (YYYY-MM); lastMonth null while open. */
  firstMonth: string;
  lastMonth: string | null;
  /** Percent of the TPP under the rules given, as the rule set writes it. */
  percent: number;
}

export const PENALTY_LABEL: Record<PenaltyKind, string> = {
  HUKDIS_RINGAN: 'Hukuman disiplin ringan',
  HUKDIS_SEDANG: 'Hukuman disiplin sedang',
  HUKDIS_BERAT: 'Hukuman disiplin berat',
  LHKPN_LATE: 'Keterlambatan LHKPN',
};

/**
 * The work months a record covers and its percent under these rules, or a problem when the record
 * does not fit them (a length the regulation does not allow, an unknown type): such a line is held
 * for a person to look at, not computed with a guess.
 */
export function penaltyWindow(record: PenaltyRecord, rules: PenaltyRules): PenaltyWindow | { problem: string } {
  const start = record.kind === 'LHKPN_LATE' ? record.firstLateMonth : addMonths(monthOf(record.skDate), 1);
  const spanning = (months: number, percent: number) => ({ firstMonth: start, lastMonth: addMonths(start, months - 1), percent });
  switch (record.kind) {
    case 'HUKDIS_SEDANG':
      if (!rules.HUKDIS_SEDANG.monthsAllowed.includes(record.months))
        return { problem: `${record.reference}: hukuman disiplin sedang ${record.months} bulan tidak diatur` };
      return spanning(record.months, rules.HUKDIS_SEDANG.percent);
    case 'HUKDIS_BERAT':
      return spanning(rules.HUKDIS_BERAT.months, rules.HUKDIS_BERAT.percent);
    case 'HUKDIS_RINGAN': {
      const rule = rules.HUKDIS_RINGAN.find((r) => r.type === record.type);
      if (!rule) return { problem: `${record.reference}: jenis hukuman disiplin ringan ${record.type} tidak diatur` };
      // 0 months (the default) covers no month at all.
      return spanning(rule.months, rule.percent);
    }
    case 'LHKPN_LATE':
      return {
        firstMonth: start,
        lastMonth: record.reportedOn === null ? null : addMonths(monthOf(record.reportedOn), -1),
        percent: rules.LHKPN_LATE.percentPerMonth,
      };
  }
}

export interface AppliedPenalty extends PenaltyWindow {
  kind: PenaltyKind;
  reference: string;
}

/** The penalties that cut one work month's TPP (those with a percent above 0), and any record that could not be read. */
export function penaltiesInMonth(records: readonly PenaltyRecord[], month: string, rules: PenaltyRules): { applied: AppliedPenalty[]; problems: string[] } {
  const applied: AppliedPenalty[] = [];
  const problems: string[] = [];
  for (const record of records) {
    const window = penaltyWindow(record, rules);
    if ('problem' in window) problems.push(window.problem);
    else if (window.percent > 0 && window.firstMonth <= month && (window.lastMonth === null || month <= window.lastMonth))
      applied.push({ kind: record.kind, reference: record.reference, ...window });
  }
  return { applied, problems };
}
