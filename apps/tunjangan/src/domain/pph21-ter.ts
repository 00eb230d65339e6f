import { floor, fraction } from '@app/exact';
import { isPtkpStatus, PTKP_STATUSES, type PtkpStatus } from './ptkp-status';

/**
 * PPh 21 for the masa January–November with the tarif efektif rata-rata (PP 58/2023, PMK 168/2023):
 * one flat rate, looked up by category and the month's whole bruto, on the whole bruto
 * (tpp-and-skp.md §1.1–1.3).
 */
export type TerCategory = 'A' | 'B' | 'C';
const TER_CATEGORIES: readonly TerCategory[] = ['A', 'B', 'C'];

/** One row of a table: both bounds inclusive, whole rupiah; the top row has no upper bound (null). */
export interface TerBracket {
  grossFrom: bigint;
  grossTo: bigint | null;
  /** Basis points: 1 bp = 0,01%. */
  rateBp: bigint;
}

export interface TerTable {
  /** YYYY-MM-DD */
  effectiveFrom: string;
  source: string;
  categoryByPtkpStatus: Readonly<Record<PtkpStatus, TerCategory>>;
  brackets: Readonly<Record<TerCategory, readonly TerBracket[]>>;
}

/** The seed file as JSON gives it (pph21-ter-pp58-2023.json): numbers, not yet bigint. */
export interface TerTableSeed {
  legalBasis: readonly string[];
  effectiveFrom: string;
  categoryByPtkpStatus: Readonly<Record<string, string>>;
  tables: Readonly<Record<string, readonly { grossFrom: number; grossTo: number | null; rateBp: number }[]>>;
}

/**
 * The table in exact integers, refused unless every PTKP status has a category and each category's
 * brackets run from 0 without a gap or overlap to an open top: a lookup must find exactly one row.
 */
export function terTableFrom(seed: TerTableSeed): TerTable {
  const categoryByPtkpStatus = {} as Record<PtkpStatus, TerCategory>;
  for (const status of PTKP_STATUSES) {
    const category = seed.categoryByPtkpStatus[status] as TerCategory;
    if (!TER_CATEGORIES.includes(category)) throw new RangeError(`PTKP status ${status} has no TER category`);
    categoryByPtkpStatus[status] = category;
  }
  const unknown = Object.keys(seed.categoryByPtkpStatus).filter((status) => !isPtkpStatus(status));
  if (unknown.length) throw new RangeError(`unknown PTKP status ${unknown.join(', ')}`);

  const brackets = {} as Record<TerCategory, TerBracket[]>;
  for (const category of TER_CATEGORIES) {
    const rows = (seed.tables[category] ?? []).map((row) => ({
      grossFrom: BigInt(row.grossFrom),
      grossTo: row.grossTo === null ? null : BigInt(row.grossTo),
      rateBp: BigInt(row.rateBp),
    }));
    rows.forEach((row, index) => {
      const expectedFrom = index === 0 ? 0n : rows[index - 1].grossTo! + 1n;
      const isLast = index === rows.length - 1;
      if (row.grossFrom !== expectedFrom || (row.grossTo === null) !== isLast || (row.grossTo !== null && row.grossTo < row.grossFrom)) {
        throw new RangeError(`TER category ${category} row ${index + 1} does not follow on from the row before`);
      }
    });
    if (!rows.length) throw new RangeError(`TER category ${category} has no rows`);
    brackets[category] = rows;
  }
  return { effectiveFrom: seed.effectiveFrom, source: seed.legalBasis.join('; '), categoryByPtkpStatus, brackets };
}

export function terCategory(table: TerTable, ptkpStatus: PtkpStatus): TerCategory {
  return table.categoryByPtkpStatus[ptkpStatus];
}

export function terRateBp(table: TerTable, category: TerCategory, bruto: bigint): bigint {
  if (bruto < 0n) throw new RangeError(`a month's bruto cannot be negative: ${bruto}`);
  const bracket = table.brackets[category].find((row) => bruto >= row.grossFrom && (row.grossTo === null || bruto <= row.grossTo));
  return bracket!.rateBp; // terTableFrom guarantees the rows cover every non-negative amount
}

/** The TER tax on a whole month's bruto, rounded down to the rupiah (tpp-and-skp.md §1.2). */
export function terTax(table: TerTable, category: TerCategory, bruto: bigint): bigint {
  return floor(fraction(bruto * terRateBp(table, category, bruto), 10_000n));
}

export interface MonthlyTppTaxInput {
  /** At the start of the tax year (PP 58/2023 Pasal 2(3)). */
  ptkpStatus: PtkpStatus;
  /** The payment month's taxable salary from payroll: gaji and tunjangan, employer JKN, JKK and JKM. */
  salaryTaxableGross: bigint;
  grossTpp: bigint;
  /** The employer's BPJS Kesehatan on the TPP: paid for the employee, so part of bruto (PMK 168/2023 Pasal 5). */
  employerBpjsOnTpp: bigint;
}

/** Every figure of the computation, so the line can say how its PPh was reached. */
export interface MonthlyTppTax {
  terTable: { effectiveFrom: string; source: string };
  category: TerCategory;
  salaryTaxableGross: bigint;
  salaryRateBp: bigint;
  pphOnSalary: bigint;
  brutoMasa: bigint;
  totalRateBp: bigint;
  pphOnTotal: bigint;
  /** The tax the TPP adds to the masa: it bears the whole jump to a higher rate, as intended. */
  pphTpp: bigint;
}

/**
 * PPh on the TPP for a masa January–November (tpp-and-skp.md §1.3). Gaji and TPP are paid apart by
 * the same pemotong, and TER applies to the month's one bruto, so the TPP's tax is the tax on
 * everything less the tax on the salary alone.
 */
export function monthlyTppTax(table: TerTable, input: MonthlyTppTaxInput): MonthlyTppTax {
  const { salaryTaxableGross, grossTpp, employerBpjsOnTpp } = input;
  const category = terCategory(table, input.ptkpStatus);
  const brutoMasa = salaryTaxableGross + grossTpp + employerBpjsOnTpp;
  const pphOnSalary = terTax(table, category, salaryTaxableGross);
  const pphOnTotal = terTax(table, category, brutoMasa);
  // Never negative: bruto only grows with the TPP and the rates rise with bruto; the max is a guard.
  const pphTpp = pphOnTotal > pphOnSalary ? pphOnTotal - pphOnSalary : 0n;
  return {
    terTable: { effectiveFrom: table.effectiveFrom, source: table.source },
    category,
    salaryTaxableGross,
    salaryRateBp: terRateBp(table, category, salaryTaxableGross),
    pphOnSalary,
    brutoMasa,
    totalRateBp: terRateBp(table, category, brutoMasa),
    pphOnTotal,
    pphTpp,
  };
}
