import { divide, floor, fraction, fromNumber, multiply } from '@app/exact';
import type { BpjsRules } from './tpp-rule-set';

export interface BpjsFacts {
  /** Gross TPP of each of the month's lines (several after a transfer), in line order. */
  lineGross: readonly bigint[];
  /** Gaji pokok + tunjangan keluarga + tunjangan jabatan/umum (+ profesi) from payroll for the payment month; null when not imported. */
  salaryBase: bigint | null;
  /** Still a BPJS Kesehatan PPU participant in the payment month (false after the end of service). */
  activeParticipant: boolean;
  /** The month's TPP ceiling, needed only when the rules take the ceiling as the basis. */
  ceiling?: bigint;
}

export interface BpjsLineShare {
  employer: bigint;
  employee: bigint;
}

export type BpjsResult =
  | { status: 'HELD'; reason: string }
  | { status: 'NOT_PARTICIPANT'; lines: BpjsLineShare[] }
  | {
      status: 'COMPUTED';
      /** The TPP figure the base is taken from (paid gross, or the ceiling). */
      tppFigure: bigint;
      /** What is left of the cap above the salary: cap − salaryBase, at least 0. */
      roomUnderCap: bigint;
      tppBase: bigint;
      /** Budgeted by the Pemda and added to PPh bruto (§2). */
      employer: bigint;
      /** Deducted from the TPP. */
      employee: bigint;
      lines: BpjsLineShare[];
    };

/**
 * Split a month total over the lines by their gross share: floor each share and give what is left to
 * the last line, so the parts add up to the total exactly (§2). With no gross at all, the last line
 * carries it.
 */
export function allocateByGross(total: bigint, lineGross: readonly bigint[]): bigint[] {
  const grossTotal = lineGross.reduce((a, b) => a + b, 0n);
  const parts = lineGross.map((gross, index) =>
    index === lineGross.length - 1 || grossTotal === 0n ? 0n : floor(divide(multiply(fraction(total), fraction(gross)), fraction(grossTotal))),
  );
  if (parts.length > 0) parts[parts.length - 1] = total - parts.reduce((a, b) => a + b, 0n);
  return parts;
}

/**
 * BPJS Kesehatan on the month's TPP (tpp-and-skp.md §2): the TPP's base is what the TPP adds under the
 * cap above the salary, tppBase = max(0, min(TPP, cap − salaryBase)); employer = floor(rate × base),
 * employee = floor(rate × base), computed on the month's total and allocated to the lines.
 */
export function bpjsOnTpp(facts: BpjsFacts, rules: BpjsRules): BpjsResult {
  const zero = facts.lineGross.map(() => ({ employer: 0n, employee: 0n }));
  if (!facts.activeParticipant) return { status: 'NOT_PARTICIPANT', lines: zero };
  if (facts.salaryBase === null) return { status: 'HELD', reason: 'Gaji bulan pembayaran belum diimpor dari SIMGAJI' };
  if (rules.basis === 'ceiling' && facts.ceiling === undefined) return { status: 'HELD', reason: 'Pagu TPP tidak tersedia untuk dasar iuran' };
  const tppFigure = rules.basis === 'ceiling' ? facts.ceiling! : facts.lineGross.reduce((a, b) => a + b, 0n);
  const room = BigInt(rules.cap) - facts.salaryBase;
  const roomUnderCap = room > 0n ? room : 0n;
  const tppBase = tppFigure < roomUnderCap ? (tppFigure > 0n ? tppFigure : 0n) : roomUnderCap;
  const part = (percent: number) => floor(divide(multiply(fraction(tppBase), fromNumber(percent)), fraction(100n)));
  const employer = part(rules.employerPercent);
  const employee = part(rules.employeePercent);
  const employerParts = allocateByGross(employer, facts.lineGross);
  const employeeParts = allocateByGross(employee, facts.lineGross);
  return {
    status: 'COMPUTED',
    tppFigure,
    roomUnderCap,
    tppBase,
    employer,
    employee,
    lines: facts.lineGross.map((_, i) => ({ employer: employerParts[i], employee: employeeParts[i] })),
  };
}
