import { allocateByGross, bpjsOnTpp, type BpjsFacts } from '../src/domain/bpjs';
import { SEED } from './tpp-fixtures';

/** Seeded rules: employer 4%, employee 1%, cap Rp12.000.000, on paid TPP. tppBase = max(0, min(TPP, 12.000.000 − salary)). */
const RULES = SEED.value.bpjs;
const facts = (change: Partial<BpjsFacts>): BpjsFacts => ({ lineGross: [5_000_000n], salaryBase: 10_000_000n, activeParticipant: true, ...change });

describe('BPJS Kesehatan on the month TPP', () => {
  it.each<{ case: string; facts: BpjsFacts; tppBase: bigint; employer: bigint; employee: bigint }>([
    // 12.000.000 − 10.000.000 = 2.000.000 < 5.000.000 → base 2.000.000; 4% = 80.000; 1% = 20.000.
    { case: 'salary 10 jt, TPP 5 jt: only 2 jt under the cap', facts: facts({}), tppBase: 2_000_000n, employer: 80_000n, employee: 20_000n },
    // 12.000.000 − 4.000.000 = 8.000.000 ≥ 5.640.000 → base 5.640.000; 4% = 225.600; 1% = 56.400.
    {
      case: 'salary 4 jt, TPP 5.640.000: all of it',
      facts: facts({ lineGross: [5_640_000n], salaryBase: 4_000_000n }),
      tppBase: 5_640_000n,
      employer: 225_600n,
      employee: 56_400n,
    },
    // 4% × 1.659.428 = 66.377,12 → 66.377; 1% = 16.594,28 → 16.594 (rounded down).
    {
      case: 'a prorated CPNS line, each part rounded down',
      facts: facts({ lineGross: [1_659_428n], salaryBase: 3_000_000n }),
      tppBase: 1_659_428n,
      employer: 66_377n,
      employee: 16_594n,
    },
    // 12.000.000 − 13.000.000 < 0 → nothing of the TPP is in the base.
    { case: 'a salary above the cap', facts: facts({ salaryBase: 13_000_000n }), tppBase: 0n, employer: 0n, employee: 0n },
  ])('$case: employer $employer, employee $employee', ({ facts: given, tppBase, employer, employee }) => {
    const result = bpjsOnTpp(given, RULES);
    expect(result.status === 'COMPUTED' && [result.tppBase, result.employer, result.employee]).toEqual([tppBase, employer, employee]);
  });

  it('computes a transferred month on the total and gives the remainder to the last line', () => {
    // Lines 2.005.714 + 3.222.857 = 5.228.571 (salary 5 jt, room 7 jt, all of it in the base).
    // Employer: 4% = 209.142,84 → 209.142; first line floor(209.142 × 2.005.714 / 5.228.571) = floor(80.228,3…) = 80.228;
    //   last line 209.142 − 80.228 = 128.914.
    // Employee: 1% = 52.285,71 → 52.285; first line floor(52.285 × 2.005.714 / 5.228.571) = floor(20.056,9…) = 20.056;
    //   last line 52.285 − 20.056 = 32.229.
    const result = bpjsOnTpp(facts({ lineGross: [2_005_714n, 3_222_857n], salaryBase: 5_000_000n }), RULES);
    expect(result.status === 'COMPUTED' && [result.employer, result.employee, result.lines]).toEqual([
      209_142n,
      52_285n,
      [
        { employer: 80_228n, employee: 20_056n },
        { employer: 128_914n, employee: 32_229n },
      ],
    ]);
  });

  it('takes nothing from someone no longer a participant in the payment month', () => {
    expect(bpjsOnTpp(facts({ lineGross: [1_611_428n], activeParticipant: false }), RULES)).toEqual({
      status: 'NOT_PARTICIPANT',
      lines: [{ employer: 0n, employee: 0n }],
    });
  });

  it('holds without the payroll salary', () => {
    expect(bpjsOnTpp(facts({ salaryBase: null }), RULES).status).toBe('HELD');
  });

  it('uses the ceiling when the rules take it as the basis', () => {
    // Ceiling 6.000.000, salary 4.000.000: min(6.000.000, 8.000.000) = 6.000.000; 4% = 240.000; 1% = 60.000.
    const result = bpjsOnTpp(facts({ lineGross: [5_640_000n], salaryBase: 4_000_000n, ceiling: 6_000_000n }), { ...RULES, basis: 'ceiling' });
    expect(result.status === 'COMPUTED' && [result.tppBase, result.employer, result.employee]).toEqual([6_000_000n, 240_000n, 60_000n]);
  });

  it.each([
    { case: 'three equal lines', total: 100n, gross: [1n, 1n, 1n], expected: [33n, 33n, 34n] },
    { case: 'no gross at all', total: 7n, gross: [0n, 0n], expected: [0n, 7n] },
  ])('allocates by gross share, $case: $expected', ({ total, gross, expected }) => {
    expect(allocateByGross(total, gross)).toEqual(expected);
  });
});
