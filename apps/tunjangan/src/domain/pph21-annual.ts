import { floor, fraction } from '@app/exact';
import { ruleInForce, type EffectiveRule } from './effective-rule';
import { ptkpStatusParts, type PtkpStatus } from './ptkp-status';

/**
 * The final masa (December, or the month service ends): the year is recalculated with Pasal 17 and
 * what was withheld by TER in the earlier masa is settled (tpp-and-skp.md §1.4).
 */

/** From the previous band's upper bound (exclusive) to this one (inclusive); null = no upper bound. */
export interface Pasal17Band {
  pkpTo: bigint | null;
  rateBp: bigint;
}
export interface PtkpAmounts {
  taxpayer: bigint;
  married: bigint;
  perDependant: bigint;
  maxDependants: number;
}
export interface BiayaJabatanRule {
  rateBp: bigint;
  maxPerYear: bigint;
  maxPerMonth: bigint;
}
export interface PensionContributionRule {
  pensionRateBp: bigint;
  thtRateBp: bigint;
}

/** The versions in force for one tax year, each with its date and source. */
export interface AnnualTaxRules {
  pasal17Bands: EffectiveRule<readonly Pasal17Band[]>;
  ptkp: EffectiveRule<PtkpAmounts>;
  biayaJabatan: EffectiveRule<BiayaJabatanRule>;
  pensionContribution: EffectiveRule<PensionContributionRule>;
  pkpRounding: EffectiveRule<{ roundDownTo: bigint }>;
}

type Versions<T> = readonly EffectiveRule<T>[];
/** The seed file as JSON gives it (pph21-annual.json): numbers, not yet bigint. */
export interface AnnualTaxRulesSeed {
  pasal17Bands: Versions<readonly { pkpTo: number | null; rateBp: number }[]>;
  ptkp: Versions<{ taxpayer: number; married: number; perDependant: number; maxDependants: number }>;
  biayaJabatan: Versions<{ rateBp: number; maxPerYear: number; maxPerMonth: number }>;
  pensionContribution: Versions<{ pensionRateBp: number; thtRateBp: number }>;
  pkpRounding: Versions<{ roundDownTo: number }>;
}

function inForce<S, T>(versions: Versions<S>, date: string, what: string, convert: (value: S) => T): EffectiveRule<T> {
  const { effectiveFrom, source, value } = ruleInForce(versions, date, what);
  return { effectiveFrom, source, value: convert(value) };
}

/** The rules in force on the final masa's date (YYYY-MM-DD), in exact integers. */
export function annualTaxRulesOn(seed: AnnualTaxRulesSeed, date: string): AnnualTaxRules {
  const big = <K extends string>(value: Readonly<Record<K, number>>, keys: readonly K[]) =>
    Object.fromEntries(keys.map((key) => [key, BigInt(value[key])])) as Record<K, bigint>;
  return {
    pasal17Bands: inForce(seed.pasal17Bands, date, 'Pasal 17 band', (bands) =>
      bands.map((band) => ({ pkpTo: band.pkpTo === null ? null : BigInt(band.pkpTo), rateBp: BigInt(band.rateBp) })),
    ),
    ptkp: inForce(seed.ptkp, date, 'PTKP', (v) => ({ ...big(v, ['taxpayer', 'married', 'perDependant']), maxDependants: v.maxDependants })),
    biayaJabatan: inForce(seed.biayaJabatan, date, 'biaya jabatan', (v) => big(v, ['rateBp', 'maxPerYear', 'maxPerMonth'])),
    pensionContribution: inForce(seed.pensionContribution, date, 'iuran pensiun', (v) => big(v, ['pensionRateBp', 'thtRateBp'])),
    pkpRounding: inForce(seed.pkpRounding, date, 'PKP rounding', (v) => ({ roundDownTo: BigInt(v.roundDownTo) })),
  };
}

/** A rate applied to an amount, rounded down to the rupiah. */
const atRate = (amount: bigint, rateBp: bigint): bigint => floor(fraction(amount * rateBp, 10_000n));

export interface AnnualIncome {
  ptkpStatus: PtkpStatus;
  /** Masa worked in the year (12 for a full year); the biaya jabatan cap is per month worked. */
  monthsWorked: number;
  /** The year's bruto: every masa, THR and gaji-13 included. */
  bruto: bigint;
  /** The year's gaji pokok + tunjangan keluarga: the base of iuran pensiun and THT. */
  pensionBase: bigint;
  /** Zakat paid through an official body (deductible); 0 when none. */
  zakat: bigint;
}

export interface Pasal17BandTax {
  /** Exclusive lower bound. */
  pkpFrom: bigint;
  pkpTo: bigint | null;
  rateBp: bigint;
  taxable: bigint;
  tax: bigint;
}

export interface AnnualIncomeTax {
  bruto: bigint;
  biayaJabatanCap: bigint;
  biayaJabatan: bigint;
  iuranPensiun: bigint;
  iuranTht: bigint;
  zakat: bigint;
  neto: bigint;
  ptkp: bigint;
  /** neto − PTKP before rounding; negative when the PTKP is not used up. */
  pkpUnrounded: bigint;
  pkp: bigint;
  bands: Pasal17BandTax[];
  /** PPh setahun. */
  tax: bigint;
}

/**
 * PPh setahun under Pasal 17. Each deduction is rounded down to the rupiah so that the figures shown
 * (as on the 1721-A1 form) add up exactly to the neto; PKP is then rounded down as the rule says.
 */
export function annualIncomeTax(rules: AnnualTaxRules, income: AnnualIncome): AnnualIncomeTax {
  const { bruto, pensionBase, zakat, monthsWorked } = income;
  if (!Number.isInteger(monthsWorked) || monthsWorked < 1 || monthsWorked > 12) throw new RangeError(`months worked must be 1–12, not ${monthsWorked}`);
  const jabatan = rules.biayaJabatan.value;
  const cappedPerMonth = jabatan.maxPerMonth * BigInt(monthsWorked);
  const biayaJabatanCap = cappedPerMonth < jabatan.maxPerYear ? cappedPerMonth : jabatan.maxPerYear;
  const biayaJabatanExact = atRate(bruto, jabatan.rateBp);
  const biayaJabatan = biayaJabatanExact < biayaJabatanCap ? biayaJabatanExact : biayaJabatanCap;
  const iuranPensiun = atRate(pensionBase, rules.pensionContribution.value.pensionRateBp);
  const iuranTht = atRate(pensionBase, rules.pensionContribution.value.thtRateBp);
  const neto = bruto - biayaJabatan - iuranPensiun - iuranTht - zakat;

  const ptkpRule = rules.ptkp.value;
  const { married, dependants } = ptkpStatusParts(income.ptkpStatus);
  const counted = BigInt(Math.min(dependants, ptkpRule.maxDependants));
  const ptkp = ptkpRule.taxpayer + (married ? ptkpRule.married : 0n) + counted * ptkpRule.perDependant;

  const pkpUnrounded = neto - ptkp;
  const unit = rules.pkpRounding.value.roundDownTo;
  const pkp = pkpUnrounded > 0n ? (pkpUnrounded / unit) * unit : 0n;
  const bands = pasal17(rules.pasal17Bands.value, pkp);
  const tax = bands.reduce((total, band) => total + band.tax, 0n);
  return { bruto, biayaJabatanCap, biayaJabatan, iuranPensiun, iuranTht, zakat, neto, ptkp, pkpUnrounded, pkp, bands, tax };
}

/** Progressive bands: each rate on the slice of PKP inside its band; bands above the PKP are left out. */
function pasal17(bands: readonly Pasal17Band[], pkp: bigint): Pasal17BandTax[] {
  const slices: Pasal17BandTax[] = [];
  let pkpFrom = 0n;
  for (const { pkpTo, rateBp } of bands) {
    if (pkp <= pkpFrom) break;
    const top = pkpTo === null || pkp < pkpTo ? pkp : pkpTo;
    const taxable = top - pkpFrom;
    slices.push({ pkpFrom, pkpTo, rateBp, taxable, tax: atRate(taxable, rateBp) });
    if (pkpTo === null) break;
    pkpFrom = pkpTo;
  }
  return slices;
}

export interface FinalMasaInput {
  ptkpStatus: PtkpStatus;
  monthsWorked: number;
  /** The year's taxable salary (what payroll counts as bruto), THR and gaji-13 salary parts included. */
  salaryBruto: bigint;
  /** The year's TPP and the employer's BPJS on it, THR and gaji-13 TPP parts included. */
  tppBruto: bigint;
  pensionBase: bigint;
  zakat: bigint;
  /** TER tax on salary in the earlier masa of the year (borne by the government for PNS). */
  withheldSalaryTax: bigint;
  /** TER tax on TPP in the earlier masa of the year. */
  withheldTppTax: bigint;
}

export interface FinalMasaTax {
  rules: Record<keyof AnnualTaxRules, { effectiveFrom: string; source: string }>;
  salaryAndTpp: AnnualIncomeTax;
  salaryOnly: AnnualIncomeTax;
  /** The part of PPh setahun the TPP adds. */
  annualTppTax: bigint;
  withheldTppTax: bigint;
  /** annualTppTax − withheldTppTax; negative = refunded to the employee. */
  finalMasaTppTax: bigint;
  withheldSalaryTax: bigint;
  /** salaryOnly.tax − withheldSalaryTax, for payroll to compare with its own. */
  finalMasaSalaryTax: bigint;
}

/**
 * The final masa for a PNS whose salary tax is borne by the government (DTP) while the TPP's may be
 * withheld: the year's tax is split as the monthly one is, the TPP carrying what it adds on top of the
 * salary alone (tpp-and-skp.md §1.4 [I], to confirm with KPP/BPKAD).
 */
export function finalMasaTax(rules: AnnualTaxRules, input: FinalMasaInput): FinalMasaTax {
  const { ptkpStatus, monthsWorked, pensionBase, zakat } = input;
  const salaryAndTpp = annualIncomeTax(rules, { ptkpStatus, monthsWorked, pensionBase, zakat, bruto: input.salaryBruto + input.tppBruto });
  const salaryOnly = annualIncomeTax(rules, { ptkpStatus, monthsWorked, pensionBase, zakat, bruto: input.salaryBruto });
  const annualTppTax = salaryAndTpp.tax - salaryOnly.tax;
  const versions = Object.fromEntries(
    Object.entries(rules).map(([name, { effectiveFrom, source }]) => [name, { effectiveFrom, source }]),
  ) as FinalMasaTax['rules'];
  return {
    rules: versions,
    salaryAndTpp,
    salaryOnly,
    annualTppTax,
    withheldTppTax: input.withheldTppTax,
    finalMasaTppTax: annualTppTax - input.withheldTppTax,
    withheldSalaryTax: input.withheldSalaryTax,
    finalMasaSalaryTax: salaryOnly.tax - input.withheldSalaryTax,
  };
}
