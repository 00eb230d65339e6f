import { fromNumber } from '@app/exact';
import { formatDecimal, formatMonth, formatPercent, formatRupiah } from './bahasa-format';
import { parseExact } from './exact-text';
import type { NotEligibleReason } from './eligibility';
import { PENALTY_LABEL } from './penalties';
import type { TppLineResult } from './tpp-amount';
import type { ComponentCode } from './tpp-rule-set';

const COMPONENT_LABEL: Record<ComponentCode, string> = { KINERJA: 'kinerja', DISIPLIN: 'disiplin' };
const NOT_ELIGIBLE_LABEL: Record<NotEligibleReason, string> = {
  OTHER_OPD: 'di OPD lain (baris tersendiri)',
  BEFORE_TMT: 'sebelum TMT',
  AFTER_SERVICE: 'setelah akhir masa kerja',
  EXCLUDED_STATUS: 'status tanpa TPP',
};

const rupiah = (text: string) => formatRupiah(parseExact(text));
const decimal = (text: string) => formatDecimal(parseExact(text));
const percent = (text: string) => formatPercent(parseExact(text));

/**
 * The line step by step in Bahasa Indonesia, as the slip and the operator's review show it: each line
 * names the values it used and the result, so an employee can follow the amount with a calculator.
 */
export function explainTppLine(line: TppLineResult): string[] {
  const heading = `TPP ${formatMonth(line.month)}, OPD ${line.opdCode}, kelas jabatan ${line.kelas}, ${line.employeeType} (aturan ${line.ruleSetId})`;
  if (line.status === 'HELD') return [heading, 'Ditahan, belum dapat dihitung:', ...line.holds.map((h) => `- ${h.message}`)];
  const s = line.steps;
  const ceilingOf = s.ceilingFrom === 'JABATAN' ? `Pagu jabatan ${line.jabatanCode}` : `Pagu kelas ${line.kelas}`;
  const components = s.components.map((c) => `${c.weightPercent}% × ${decimal(c.factor)}`).join(' + ');
  const componentNames = s.components.map((c) => `${COMPONENT_LABEL[c.code]} ${c.weightPercent}%`).join(', ');
  const penalties = s.penalties.map((p) => `${PENALTY_LABEL[p.kind]} ${formatPercent(fromNumber(p.percent))} (${p.reference})`);
  const notEligible = s.days.notEligible.map((n) => `${n.days} hari ${n.status ?? NOT_ELIGIBLE_LABEL[n.reason]}`);
  return [
    heading,
    `1. ${ceilingOf}: ${rupiah(s.ceiling)} × faktor status ${line.employeeType} ${decimal(s.statusFactor)} = dasar ${rupiah(s.base)}`,
    `2. Kinerja (TRK, versi ${s.scoreVersion}): skor ${s.score.replace('.', ',')} ÷ 100 = S ${decimal(s.performanceFactor)}`,
    `3. Disiplin (K-Mob, versi ${s.disciplineVersion}): potongan ${percent(s.deductionPercent)} → D ${decimal(s.disciplineDeduction)}` +
      (s.disciplineDeductionCapped ? ' (dibatasi 100%)' : ''),
    `4. Komponen (${componentNames}): ${components} = ${decimal(s.componentFactor)}`,
    penalties.length === 0
      ? '5. Tanpa hukuman atau sanksi: faktor 1'
      : `5. ${penalties.join(' + ')}: ${percent(s.penaltyPercent)}${s.penaltyPercentCapped ? ' (dibatasi)' : ''} → faktor ${decimal(s.penaltyFactor)}`,
    `6. Sebulan penuh: ${rupiah(s.base)} × ${decimal(s.componentFactor)} × ${decimal(s.penaltyFactor)} = ${rupiah(s.amount)}`,
    `7. Hari kerja dibayar: ${s.days.eligibleDays} dari ${s.days.workingDays}` + (notEligible.length > 0 ? ` (tidak dibayar: ${notEligible.join('; ')})` : ''),
    `8. TPP bruto: ${rupiah(s.amount)} × ${s.days.eligibleDays}/${s.days.workingDays} = ${rupiah(s.grossExact)}, dibulatkan ke bawah ${formatRupiah(BigInt(s.gross))}`,
  ];
}
