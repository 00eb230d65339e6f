import { latestInForce } from './effective-rule';

/**
 * The TPP rule set (tpp-and-skp.md §6): every number of the regulation as effective-dated data, so a
 * month is computed with the version in force then and each line can name the version it used.
 * Percentages are written as percent (25 = 25%), factors as ratios (0.8), rupiah as whole numbers.
 */
export type EmployeeType = 'PNS' | 'CPNS' | 'PPPK';
export type ComponentCode = 'KINERJA' | 'DISIPLIN';
export const COMPONENT_CODES: readonly ComponentCode[] = ['KINERJA', 'DISIPLIN'];

export interface PenaltyRules {
  /** When a sentence's months start: the work month after the SK date (§4.7 [D]). */
  startsAfterSk: 'NEXT_MONTH';
  HUKDIS_RINGAN: { type: string; percent: number; months: number }[];
  /** The SK chooses the length among the allowed ones. */
  HUKDIS_SEDANG: { percent: number; monthsAllowed: number[] };
  /** The lower kelas comes with the new jabatan from SIAP; a percentage only where a Pergub adds one. */
  HUKDIS_BERAT: { percent: number; months: number };
  LHKPN_LATE: { percentPerMonth: number };
  combinedCapPercent: number;
}

export interface BpjsRules {
  employerPercent: number;
  employeePercent: number;
  /** Rupiah: the upper limit of the month's wage base. */
  cap: number;
  /** The TPP figure in the base: what is paid (default) or the ceiling (§2). */
  basis: 'paidTpp' | 'ceiling';
}

export interface TppRules {
  /** Where each section's numbers come from, shown when a figure is explained. */
  sources: Record<string, string>;
  /** The ceilings are placeholders until the Pergub's Lampiran is entered (§4.10). */
  ceilingIllustrative: boolean;
  /** Rupiah per month, keyed by kelas jabatan "1"–"17". */
  ceilingByKelas: Record<string, number>;
  ceilingOverrideByJabatan: Record<string, number>;
  components: { code: ComponentCode; weightPercent: number }[];
  /** A type without a factor receives no TPP under this rule set. */
  statusFactors: Partial<Record<EmployeeType, number>>;
  penalties: PenaltyRules;
  excludedStatuses: string[];
  proration: 'workingDays';
  bpjs: BpjsRules;
  pph: { method: 'TER'; taxMode: 'withheld' | 'borne'; terTableVersion: string };
}

export interface TppRuleSet {
  id: string;
  /** YYYY-MM-DD, the first day it applies. */
  effectiveFrom: string;
  /** YYYY-MM-DD, the last day it applies; null while open. */
  effectiveTo: string | null;
  source: string;
  value: TppRules;
}

/**
 * The rule set of a work month: the latest version in force on the month's first day. A month is
 * paid under one rule set, so a version dated mid-month applies from the following month.
 */
export function ruleSetForMonth(versions: readonly TppRuleSet[], month: string): TppRuleSet | undefined {
  return latestInForce(versions, `${month}-01`);
}

const isPercent = (value: number) => Number.isFinite(value) && value >= 0 && value <= 100;
const isRupiah = (value: number) => Number.isSafeInteger(value) && value > 0;

/** A finding about a submitted rule set: the field, as the admin's JSON names it, and why, in Bahasa Indonesia. */
export interface RuleSetProblem {
  field: string;
  message: string;
}

const RUPIAH = 'pagu harus rupiah bulat lebih dari 0';

/** What is wrong with a rule set an admin submits, field by field (empty when it can be used). */
export function ruleSetProblems({ effectiveFrom, effectiveTo, value }: TppRuleSet): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  const check = (ok: boolean, field: string, message: string) => ok || problems.push({ field, message });
  check(/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom), 'effectiveFrom', 'harus berupa tanggal YYYY-MM-DD');
  check(effectiveTo === null || effectiveTo >= effectiveFrom, 'effectiveTo', 'tidak boleh sebelum tanggal mulai berlaku (effectiveFrom)');
  for (const [kelas, rupiah] of Object.entries(value.ceilingByKelas)) check(isRupiah(rupiah), `value.ceilingByKelas.${kelas}`, RUPIAH);
  for (const [jabatan, rupiah] of Object.entries(value.ceilingOverrideByJabatan)) check(isRupiah(rupiah), `value.ceilingOverrideByJabatan.${jabatan}`, RUPIAH);
  const codes = value.components.map((c) => c.code);
  check(
    new Set(codes).size === codes.length && codes.every((c) => COMPONENT_CODES.includes(c)),
    'value.components',
    `kode komponen tidak boleh berulang dan harus di antara ${COMPONENT_CODES.join(', ')}`,
  );
  // Whole percents keep the sum exact in any arithmetic and match how Perkada write the split.
  check(
    value.components.every((c) => Number.isInteger(c.weightPercent) && c.weightPercent >= 0),
    'value.components',
    'bobot komponen harus persen bulat, 0 atau lebih',
  );
  check(value.components.reduce((total, c) => total + c.weightPercent, 0) === 100, 'value.components', 'jumlah bobot komponen harus 100');
  for (const [type, factor] of Object.entries(value.statusFactors))
    check(factor >= 0 && factor <= 1, `value.statusFactors.${type}`, 'faktor status harus antara 0 dan 1');
  const { penalties, bpjs } = value;
  const percents = [...penalties.HUKDIS_RINGAN.map((r) => r.percent), penalties.HUKDIS_SEDANG.percent, penalties.HUKDIS_BERAT.percent];
  check(
    [...percents, penalties.LHKPN_LATE.percentPerMonth, penalties.combinedCapPercent].every(isPercent),
    'value.penalties',
    'persentase hukuman dan batas gabungannya harus antara 0 dan 100',
  );
  check(
    penalties.HUKDIS_SEDANG.monthsAllowed.every((m) => Number.isInteger(m) && m > 0),
    'value.penalties.HUKDIS_SEDANG.monthsAllowed',
    'lama hukuman harus bulan bulat lebih dari 0',
  );
  check(isPercent(bpjs.employerPercent) && isPercent(bpjs.employeePercent), 'value.bpjs', 'tarif BPJS harus antara 0 dan 100 persen');
  check(isRupiah(bpjs.cap), 'value.bpjs.cap', 'batas atas BPJS harus rupiah bulat lebih dari 0');
  return problems;
}
