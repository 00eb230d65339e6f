import type { FieldProblem } from './field-problem';

/** A rating against expectations (PermenPANRB 6/2022), for hasil kerja and for perilaku kerja alike. */
export type Rating = 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';
/** An employee's annual SKP predikat; KURANG is "Kurang/Misconduct". */
export type Predikat = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';
/** The organisation's own achievement, which sets how employee predikat may be distributed. */
export type OrganisationRating = 'ISTIMEWA' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';

const RATINGS: readonly Rating[] = ['DI_ATAS', 'SESUAI', 'DI_BAWAH'];

export const RATING_LABEL: Record<Rating, string> = {
  DI_ATAS: 'Di atas ekspektasi',
  SESUAI: 'Sesuai ekspektasi',
  DI_BAWAH: 'Di bawah ekspektasi',
};

export const PREDIKAT_LABEL: Record<Predikat, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang/Misconduct',
  SANGAT_KURANG: 'Sangat Kurang',
};

export const ORGANISATION_RATING_LABEL: Record<OrganisationRating, string> = {
  ISTIMEWA: 'Istimewa',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

/** The seven core values (BerAKHLAK) perilaku kerja is judged on: names, not regulation figures. */
export const BERAKHLAK = [
  { code: 'BERORIENTASI_PELAYANAN', label: 'Berorientasi Pelayanan' },
  { code: 'AKUNTABEL', label: 'Akuntabel' },
  { code: 'KOMPETEN', label: 'Kompeten' },
  { code: 'HARMONIS', label: 'Harmonis' },
  { code: 'LOYAL', label: 'Loyal' },
  { code: 'ADAPTIF', label: 'Adaptif' },
  { code: 'KOLABORATIF', label: 'Kolaboratif' },
] as const;

export type BerakhlakCode = (typeof BERAKHLAK)[number]['code'];

/** PermenPANRB 6/2022: hasil kerja (rows) × perilaku kerja (columns). Poor behaviour outweighs good results. */
const PREDIKAT_MATRIX: Record<Rating, Record<Rating, Predikat>> = {
  DI_ATAS: { DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'SANGAT_BAIK' },
  SESUAI: { DI_BAWAH: 'KURANG', SESUAI: 'BAIK', DI_ATAS: 'BAIK' },
  DI_BAWAH: { DI_BAWAH: 'SANGAT_KURANG', SESUAI: 'BUTUH_PERBAIKAN', DI_ATAS: 'BUTUH_PERBAIKAN' },
};

export function predikatOf(hasil: Rating, perilaku: Rating): Predikat {
  return PREDIKAT_MATRIX[hasil][perilaku];
}

/**
 * SE MenPANRB 3/2023, step 3: a unit head's hasil kerja is their unit's own rating. Istimewa is above
 * expectations, Baik meets them, and the three below fall short (the SE names no finer mapping; to
 * confirm with BKD).
 */
const UNIT_HEAD_HASIL: Record<OrganisationRating, Rating> = {
  ISTIMEWA: 'DI_ATAS',
  BAIK: 'SESUAI',
  BUTUH_PERBAIKAN: 'DI_BAWAH',
  KURANG: 'DI_BAWAH',
  SANGAT_KURANG: 'DI_BAWAH',
};

export function unitHeadHasil(organisation: OrganisationRating): Rating {
  return UNIT_HEAD_HASIL[organisation];
}

/** Why a unit head's hasil kerja is refused, or null: it is their unit's rating, so that rating comes first and the hasil follows it. */
export function unitHeadHasilRefusal(hasil: Rating, organisation: OrganisationRating | null, unitCode: string): FieldProblem | null {
  if (organisation === null)
    return {
      field: 'hasil',
      message: `hasil kerja kepala unit mengikuti nilai organisasi unit ${unitCode}, yang belum ditetapkan; tetapkan nilai organisasi dahulu`,
    };
  const follows = unitHeadHasil(organisation);
  if (hasil === follows) return null;
  return {
    field: 'hasil',
    message: `hasil kerja kepala unit mengikuti nilai organisasi unit ${unitCode} (${ORGANISATION_RATING_LABEL[organisation]}): ${RATING_LABEL[follows]}`,
  };
}

/**
 * Why a perilaku kerja rating is refused, or null: each of the seven BerAKHLAK values must be rated
 * (field `perilaku.<code>`), and the overall rating (field `perilaku`) must not contradict them.
 *
 * The overall rating is the atasan's judgement, not an average of the values, so it is not computed
 * here; these are only the minimum consistency checks: "di atas" needs at least one value rated di
 * atas, "di bawah" at least one value rated di bawah.
 */
export function perilakuRefusal(values: Record<string, Rating>, overall: Rating): FieldProblem | null {
  for (const { code, label } of BERAKHLAK) {
    if (!RATINGS.includes(values[code])) return { field: `perilaku.${code}`, message: `nilai ${label} belum dinilai` };
  }
  const unknown = Object.keys(values).find((code) => !BERAKHLAK.some((v) => v.code === code));
  if (unknown !== undefined) return { field: `perilaku.${unknown}`, message: 'bukan salah satu nilai BerAKHLAK' };
  const rated = Object.values(values);
  if (overall === 'DI_ATAS' && !rated.includes('DI_ATAS')) {
    return { field: 'perilaku', message: 'perilaku Di atas ekspektasi memerlukan sedikitnya satu nilai BerAKHLAK di atas ekspektasi' };
  }
  if (overall === 'DI_BAWAH' && !rated.includes('DI_BAWAH')) {
    return { field: 'perilaku', message: 'perilaku Di bawah ekspektasi memerlukan sedikitnya satu nilai BerAKHLAK di bawah ekspektasi' };
  }
  return null;
}

/**
 * One constraint of a distribution pattern on the predikat listed, counted together (e.g. "Kurang/
 * Misconduct and/or Butuh Perbaikan"): at most `max`% of the unit, at least `min`%, at least one
 * (`mustExist`), or none at all. Percentages are integers of percent, from the rules in force.
 */
export type DistributionRule = { predikat: Predikat[]; max?: number; min?: number; mustExist?: boolean; none?: boolean };
/** SE MenPANRB 3/2023: the organisation's rating sets the pattern its employees' predikat must follow. */
export type DistributionPattern = Record<OrganisationRating, DistributionRule[]>;

/** p% of n, rounded down or up, in whole-number arithmetic (p and n are integers, so p × n is exact). */
const percentOfDown = (percent: number, n: number) => (percent * n - ((percent * n) % 100)) / 100;
const percentOfUp = (percent: number, n: number) => percentOfDown(percent, n) + ((percent * n) % 100 > 0 ? 1 : 0);

export interface DistributionViolation {
  predikat: Predikat[];
  rule: 'max' | 'min' | 'mustExist' | 'none';
  /** The allowed count: the most for max and none, the least for min and mustExist. */
  limit: number;
  actual: number;
  message: string;
}

/**
 * Where a unit's predikat break the pattern. For a unit of n: "maksimal p%" allows floor(p × n / 100),
 * "minimal p%" needs ceil(p × n / 100) (so a percentage is never rounded in the unit's favour), "harus
 * ada" needs one. A unit with nobody rated has nothing to check. Small units can make a pattern
 * impossible to meet; overriding it (with a recorded reason) is BKD's decision, not this function's.
 */
export function distributionViolations(pattern: readonly DistributionRule[], counts: Partial<Record<Predikat, number>>): DistributionViolation[] {
  const n = Object.values(counts).reduce((total, count) => total + (count ?? 0), 0);
  if (n === 0) return [];
  const violations: DistributionViolation[] = [];
  for (const rule of pattern) {
    const actual = rule.predikat.reduce((total, p) => total + (counts[p] ?? 0), 0);
    const names = rule.predikat.map((p) => PREDIKAT_LABEL[p]).join(' dan/atau ');
    const violation = (kind: DistributionViolation['rule'], limit: number, message: string) =>
      violations.push({ predikat: rule.predikat, rule: kind, limit, actual, message });
    if (rule.max !== undefined) {
      const limit = percentOfDown(rule.max, n);
      if (actual > limit) violation('max', limit, `${names} paling banyak ${limit} dari ${n} pegawai (${rule.max}%), ada ${actual}`);
    }
    if (rule.min !== undefined) {
      const limit = percentOfUp(rule.min, n);
      if (actual < limit) violation('min', limit, `${names} paling sedikit ${limit} dari ${n} pegawai (${rule.min}%), ada ${actual}`);
    }
    if (rule.mustExist && actual < 1) violation('mustExist', 1, `${names} harus ada sedikitnya 1 dari ${n} pegawai, ada 0`);
    if (rule.none && actual > 0) violation('none', 0, `${names} tidak boleh ada, ada ${actual}`);
  }
  return violations;
}
