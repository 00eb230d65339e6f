import { annualIncomeTax, annualTaxRulesOn, finalMasaTax } from '../src/domain/pph21-annual';
import { monthlyTppTax, terCategory, terTableFrom, terTax, type TerCategory } from '../src/domain/pph21-ter';
import { PTKP_STATUSES, type PtkpStatus } from '../src/domain/ptkp-status';
import annualSeed from '../src/rules/seed/pph21-annual.json';
import terSeed from '../src/rules/seed/pph21-ter-pp58-2023.json';

// Every expected figure below is worked out by hand in the comments, from the tables in
// tpp-and-skp.md §1.2 and the annual rules of §1.4; none is read back from the code.
const TER = terTableFrom(terSeed);
const RULES_2024 = annualTaxRulesOn(annualSeed, '2024-12-31');

describe('the seeded TER table (PP 58/2023)', () => {
  it.each([
    ['A', 44],
    ['B', 40],
    ['C', 41],
  ] as const)('category %s has %d rows, from 0 without gap or overlap to an open top, rates rising', (category, rows) => {
    const table = terSeed.tables[category];
    expect(table).toHaveLength(rows);
    expect(terSeed.rowCounts[category]).toBe(rows);
    expect(table[0].grossFrom).toBe(0);
    table.slice(1).forEach((row, i) => {
      expect(row.grossFrom).toBe(table[i].grossTo! + 1);
      expect(row.rateBp).toBeGreaterThan(table[i].rateBp);
    });
    expect(table.at(-1)!.grossTo).toBeNull();
    expect(table.at(-1)!.rateBp).toBe(3400);
  });

  it('is refused when a row leaves a gap', () => {
    const gap = structuredClone(terSeed);
    gap.tables.B[5].grossFrom += 1;
    expect(() => terTableFrom(gap)).toThrow('TER category B row 6 does not follow on from the row before');
  });
});

describe('TER category by PTKP status at the start of the year', () => {
  it.each<[PtkpStatus, TerCategory]>([
    ['TK/0', 'A'],
    ['TK/1', 'A'],
    ['K/0', 'A'],
    ['TK/2', 'B'],
    ['TK/3', 'B'],
    ['K/1', 'B'],
    ['K/2', 'B'],
    ['K/3', 'C'],
  ])('%s is category %s', (status, category) => {
    expect(terCategory(TER, status)).toBe(category);
  });

  it('covers every status', () => {
    expect(PTKP_STATUSES.map((status) => terCategory(TER, status)).every((c) => ['A', 'B', 'C'].includes(c))).toBe(true);
  });
});

describe('TER at the bracket edges: both bounds inclusive, tax = floor(bruto × bp / 10 000)', () => {
  it.each<{ case: string; category: TerCategory; bruto: bigint; expected: bigint }>([
    // A's first row ends at 5.400.000 (0%); the next starts at 5.400.001 (0,25%).
    { case: 'A exactly on 5.400.000 (0%)', category: 'A', bruto: 5_400_000n, expected: 0n },
    // 5.400.001 × 25 / 10 000 = 13.500,0025 → 13.500
    { case: 'A one rupiah above (0,25%)', category: 'A', bruto: 5_400_001n, expected: 13_500n },
    // 10.050.000 × 2% = 201.000
    { case: 'A exactly on 10.050.000 (2%)', category: 'A', bruto: 10_050_000n, expected: 201_000n },
    // 10.050.001 × 2,25% = 226.125,0225 → 226.125
    { case: 'A one rupiah above (2,25%)', category: 'A', bruto: 10_050_001n, expected: 226_125n },
    // 1.400.000.000 × 33% = 462.000.000
    { case: 'A exactly on 1.400.000.000 (33%)', category: 'A', bruto: 1_400_000_000n, expected: 462_000_000n },
    // 1.400.000.001 × 34% = 476.000.000,34 → 476.000.000
    { case: 'A one rupiah above, the open top (34%)', category: 'A', bruto: 1_400_000_001n, expected: 476_000_000n },
    // 6.200.000 × 0% = 0; 6.200.001 × 0,25% = 15.500,0025 → 15.500
    { case: 'B exactly on 6.200.000 (0%)', category: 'B', bruto: 6_200_000n, expected: 0n },
    { case: 'B one rupiah above (0,25%)', category: 'B', bruto: 6_200_001n, expected: 15_500n },
    // 6.600.000 × 0% = 0; 6.600.001 × 0,25% = 16.500,0025 → 16.500
    { case: 'C exactly on 6.600.000 (0%)', category: 'C', bruto: 6_600_000n, expected: 0n },
    { case: 'C one rupiah above (0,25%)', category: 'C', bruto: 6_600_001n, expected: 16_500n },
    // 9.800.000 × 1,25% = 122.500; 9.800.001 × 1,5% = 147.000,015 → 147.000
    { case: 'C exactly on 9.800.000 (1,25%)', category: 'C', bruto: 9_800_000n, expected: 122_500n },
    { case: 'C one rupiah above (1,5%)', category: 'C', bruto: 9_800_001n, expected: 147_000n },
    { case: 'a month with no bruto', category: 'A', bruto: 0n, expected: 0n },
  ])('$case gets $expected', ({ category, bruto, expected }) => {
    expect(terTax(TER, category, bruto)).toBe(expected);
  });
});

describe('monthly PPh on TPP (January–November)', () => {
  it('taxes the same bruto by category: TK/0 (A) pays more than K/3 (C)', () => {
    // Salary 4.000.000 is 0% in both. Bruto = 4.000.000 + 5.750.000 + 230.000 = 9.980.000.
    // A: 9.650.001–10.050.000 is 2%   → 199.600. C: 9.800.001–10.950.000 is 1,5% → 149.700.
    const month = { salaryTaxableGross: 4_000_000n, grossTpp: 5_750_000n, employerBpjsOnTpp: 230_000n };
    const a = monthlyTppTax(TER, { ...month, ptkpStatus: 'TK/0' });
    const c = monthlyTppTax(TER, { ...month, ptkpStatus: 'K/3' });
    expect(a).toMatchObject({ category: 'A', brutoMasa: 9_980_000n, totalRateBp: 200n, pphOnSalary: 0n, pphTpp: 199_600n });
    expect(c).toMatchObject({ category: 'C', brutoMasa: 9_980_000n, totalRateBp: 150n, pphOnSalary: 0n, pphTpp: 149_700n });
  });

  it('makes the TPP bear the jump of the whole bruto into a higher rate', () => {
    // K/0 (A). Salary 8.000.000 is in 7.500.001–8.550.000 at 1,5% → 120.000.
    // Bruto = 8.000.000 + 1.000.000 + 40.000 = 9.040.000, in 8.550.001–9.650.000 at 1,75% → 158.200.
    // pphTpp = 158.200 − 120.000 = 38.200: 1,75% of the 1.040.000 added (18.200) plus the 0,25% jump
    // on the salary (20.000).
    const tax = monthlyTppTax(TER, { ptkpStatus: 'K/0', salaryTaxableGross: 8_000_000n, grossTpp: 1_000_000n, employerBpjsOnTpp: 40_000n });
    expect(tax).toMatchObject({ salaryRateBp: 150n, pphOnSalary: 120_000n, brutoMasa: 9_040_000n, totalRateBp: 175n, pphOnTotal: 158_200n, pphTpp: 38_200n });
  });

  it('takes nothing in a 0% month', () => {
    // K/3 (C): 4.000.000 + 2.000.000 + 80.000 = 6.080.000 ≤ 6.600.000, the 0% row.
    const tax = monthlyTppTax(TER, { ptkpStatus: 'K/3', salaryTaxableGross: 4_000_000n, grossTpp: 2_000_000n, employerBpjsOnTpp: 80_000n });
    expect(tax).toMatchObject({ brutoMasa: 6_080_000n, totalRateBp: 0n, pphOnTotal: 0n, pphTpp: 0n });
  });

  it('names the TER table that produced the figure', () => {
    const tax = monthlyTppTax(TER, { ptkpStatus: 'K/1', salaryTaxableGross: 0n, grossTpp: 0n, employerBpjsOnTpp: 0n });
    expect(tax.terTable.effectiveFrom).toBe('2024-01-01');
    expect(tax.terTable.source).toContain('PP 58/2023');
  });
});

describe('PTKP by status (Rp54 jt + 4,5 jt if married + 4,5 jt per dependant, at most 3)', () => {
  it.each<[PtkpStatus, bigint]>([
    ['TK/0', 54_000_000n],
    ['TK/1', 58_500_000n],
    ['TK/2', 63_000_000n],
    ['TK/3', 67_500_000n],
    ['K/0', 58_500_000n],
    ['K/1', 63_000_000n],
    ['K/2', 67_500_000n],
    ['K/3', 72_000_000n],
  ])('%s gets %s', (ptkpStatus, expected) => {
    expect(annualIncomeTax(RULES_2024, { ptkpStatus, monthsWorked: 12, bruto: 0n, pensionBase: 0n, zakat: 0n }).ptkp).toBe(expected);
  });
});

/** The reference's worked example (tpp-and-skp.md §1.4): K/1, identical months, no THR or gaji-13. */
const WORKED = { salary: 4_520_060n, tpp: 6_000_000n, bpjs: 240_000n, pensionBase: 3_920_000n };

describe('final masa (Pasal 17 recalculation)', () => {
  it("reproduces the reference's worked example: monthly 215.201, December 450.639", () => {
    // Monthly: bruto = 4.520.060 + 6.000.000 + 240.000 = 10.760.060, B 10.750.001–11.250.000 at 2%
    // → 215.201,2 → 215.201; the salary alone (≤ 6.200.000) is 0%.
    const month = monthlyTppTax(TER, { ptkpStatus: 'K/1', salaryTaxableGross: WORKED.salary, grossTpp: WORKED.tpp, employerBpjsOnTpp: WORKED.bpjs });
    expect(month).toMatchObject({ brutoMasa: 10_760_060n, totalRateBp: 200n, pphOnSalary: 0n, pphTpp: 215_201n });

    // Year: bruto = 12 × 10.760.060 = 129.120.720 (salary 54.240.720 + TPP and BPJS 74.880.000).
    // Biaya jabatan = min(5% = 6.456.036; 6.000.000). Pension base 12 × 3.920.000 = 47.040.000:
    // pensiun 4,75% = 2.234.400, THT 3,25% = 1.528.800 (together 3.763.200).
    // Neto = 129.120.720 − 6.000.000 − 3.763.200 = 119.357.520; − PTKP 63.000.000 = 56.357.520
    // → 56.357.000; × 5% = 2.817.850.
    // Salary alone: 54.240.720 − 2.712.036 − 3.763.200 = 47.765.484 < 63.000.000 → PKP 0, tax 0.
    // December = 2.817.850 − 11 × 215.201 (2.367.211) = 450.639.
    const december = finalMasaTax(RULES_2024, {
      ptkpStatus: 'K/1',
      monthsWorked: 12,
      salaryBruto: 12n * WORKED.salary,
      tppBruto: 12n * (WORKED.tpp + WORKED.bpjs),
      pensionBase: 12n * WORKED.pensionBase,
      zakat: 0n,
      withheldSalaryTax: 0n,
      withheldTppTax: 11n * month.pphTpp,
    });
    expect(december.salaryAndTpp).toMatchObject({
      bruto: 129_120_720n,
      biayaJabatan: 6_000_000n,
      iuranPensiun: 2_234_400n,
      iuranTht: 1_528_800n,
      neto: 119_357_520n,
      ptkp: 63_000_000n,
      pkpUnrounded: 56_357_520n,
      pkp: 56_357_000n,
      tax: 2_817_850n,
    });
    expect(december.salaryOnly).toMatchObject({ biayaJabatan: 2_712_036n, neto: 47_765_484n, pkpUnrounded: -15_234_516n, pkp: 0n, tax: 0n });
    expect(december).toMatchObject({ annualTppTax: 2_817_850n, withheldTppTax: 2_367_211n, finalMasaTppTax: 450_639n, finalMasaSalaryTax: 0n });
    expect(december.rules.pasal17Bands.source).toContain('HPP');
  });

  it('slices the PKP over two Pasal 17 bands (the worked example as TK/0)', () => {
    // PTKP 54.000.000: PKP = 119.357.520 − 54.000.000 = 65.357.520 → 65.357.000.
    // 5% × 60.000.000 = 3.000.000, 15% × 5.357.000 = 803.550; PPh setahun 3.803.550.
    const year = annualIncomeTax(RULES_2024, { ptkpStatus: 'TK/0', monthsWorked: 12, bruto: 129_120_720n, pensionBase: 47_040_000n, zakat: 0n });
    expect(year.bands).toEqual([
      { pkpFrom: 0n, pkpTo: 60_000_000n, rateBp: 500n, taxable: 60_000_000n, tax: 3_000_000n },
      { pkpFrom: 60_000_000n, pkpTo: 250_000_000n, rateBp: 1500n, taxable: 5_357_000n, tax: 803_550n },
    ]);
    expect(year.tax).toBe(3_803_550n);
  });

  it('refunds TPP tax in December when TER withheld more than the year owes', () => {
    // TK/0 (A). Salary 10.000.000 (2% → 200.000); TPP 5.000.000, BPJS 4% of min(5.000.000,
    // 12.000.000 − 8.000.000) = 160.000; bruto 15.160.000 in 15.100.001–16.950.000 at 7% → 1.061.200.
    // pphTpp = 861.200 a month, 9.473.200 for January–November.
    const month = monthlyTppTax(TER, { ptkpStatus: 'TK/0', salaryTaxableGross: 10_000_000n, grossTpp: 5_000_000n, employerBpjsOnTpp: 160_000n });
    expect(month.pphTpp).toBe(861_200n);
    // Year with TPP: 181.920.000 − 6.000.000 − (4,75% + 3,25%) × 96.000.000 (7.680.000) = 168.240.000;
    // PKP 114.240.000 → 3.000.000 + 15% × 54.240.000 (8.136.000) = 11.136.000.
    // Salary only: 120.000.000 − 6.000.000 − 7.680.000 = 106.320.000; PKP 52.320.000 → 2.616.000.
    // annualTppTax = 8.520.000; December = 8.520.000 − 9.473.200 = −953.200 (refund).
    const december = finalMasaTax(RULES_2024, {
      ptkpStatus: 'TK/0',
      monthsWorked: 12,
      salaryBruto: 120_000_000n,
      tppBruto: 61_920_000n,
      pensionBase: 96_000_000n,
      zakat: 0n,
      withheldSalaryTax: 2_200_000n,
      withheldTppTax: 11n * month.pphTpp,
    });
    expect(december.salaryAndTpp.tax).toBe(11_136_000n);
    expect(december.salaryOnly.tax).toBe(2_616_000n);
    // The salary's own settlement: 2.616.000 − 11 × 200.000 = 416.000.
    expect(december).toMatchObject({ annualTppTax: 8_520_000n, finalMasaTppTax: -953_200n, finalMasaSalaryTax: 416_000n });
  });

  it('caps biaya jabatan per month worked and refunds when service ends in June', () => {
    // The worked example's employee leaving in June: five TER masa withheld 5 × 215.201 = 1.076.005.
    // Bruto 6 × 10.760.060 = 64.560.360; biaya jabatan min(5% = 3.228.018; 6 × 500.000) = 3.000.000;
    // iuran 8% × 6 × 3.920.000 = 1.881.600; neto 59.678.760 < PTKP 63.000.000 → no tax, all refunded.
    const june = finalMasaTax(RULES_2024, {
      ptkpStatus: 'K/1',
      monthsWorked: 6,
      salaryBruto: 6n * WORKED.salary,
      tppBruto: 6n * (WORKED.tpp + WORKED.bpjs),
      pensionBase: 6n * WORKED.pensionBase,
      zakat: 0n,
      withheldSalaryTax: 0n,
      withheldTppTax: 5n * 215_201n,
    });
    expect(june.salaryAndTpp).toMatchObject({ biayaJabatanCap: 3_000_000n, biayaJabatan: 3_000_000n, neto: 59_678_760n, pkp: 0n, tax: 0n });
    expect(june.finalMasaTppTax).toBe(-1_076_005n);
  });
});

describe('annual rules by effective date', () => {
  it('refuses a date before a rule was in force rather than guess', () => {
    expect(() => annualTaxRulesOn(annualSeed, '2021-12-31')).toThrow('no Pasal 17 band rule is in force on 2021-12-31');
  });

  it('takes a later version from its own date on', () => {
    const later = {
      effectiveFrom: '2026-01-01',
      source: 'a later regulation',
      value: { taxpayer: 60_000_000, married: 5_000_000, perDependant: 5_000_000, maxDependants: 3 },
    };
    const seed = { ...annualSeed, ptkp: [...annualSeed.ptkp, later] };
    expect(annualTaxRulesOn(seed, '2025-12-31').ptkp.value.taxpayer).toBe(54_000_000n);
    expect(annualTaxRulesOn(seed, '2026-01-01').ptkp).toMatchObject({ source: 'a later regulation', value: { taxpayer: 60_000_000n } });
  });
});
