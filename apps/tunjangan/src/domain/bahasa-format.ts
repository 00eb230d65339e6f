import { floor, fraction, multiply, type Fraction } from '@app/exact';

/** A whole number as Indonesian readers write it, with a dot between thousands: 1234567 → "1.234.567". */
export function formatCount(value: number | bigint): string {
  const negative = value < 0;
  const digits = String(negative ? -value : value);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return negative ? `-${grouped}` : grouped;
}

/**
 * An exact value with a decimal comma: 0.866 → "0,866", 7/3 → "2,33…" (cut, not rounded, and marked
 * with "…" when more digits follow, so a shown figure is never mistaken for the exact one).
 */
export function formatDecimal(value: Fraction, maxDecimals = 6): string {
  const negative = value.num < 0n;
  const magnitude = fraction(negative ? -value.num : value.num, value.den);
  const scale = 10n ** BigInt(maxDecimals);
  const scaled = multiply(magnitude, fraction(scale));
  const cut = floor(scaled);
  const exact = cut * scaled.den === scaled.num;
  const whole = formatCount(cut / scale);
  const digits = String(cut % scale).padStart(maxDecimals, '0');
  // Exact values drop trailing zeros (0,80 → 0,8); a cut one keeps every digit it shows.
  const shown = exact ? digits.replace(/0+$/, '') : digits;
  const text = shown.length > 0 ? `${whole},${shown}${exact ? '' : '…'}` : whole;
  return negative ? `-${text}` : text;
}

/** Rupiah as on a slip: "Rp1.234.567", or with cents and "…" for an intermediate that is not whole. */
export function formatRupiah(value: Fraction | bigint): string {
  return `Rp${typeof value === 'bigint' ? formatCount(value) : formatDecimal(value, 2)}`;
}

/** A percentage with a decimal comma: 3.5 → "3,5%". */
export const formatPercent = (value: Fraction): string => `${formatDecimal(value, 4)}%`;

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** A date YYYY-MM-DD as Indonesian readers write it: 2026-04-01 → "1 April 2026". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A month YYYY-MM: 2026-04 → "April 2026". */
export function formatMonth(month: string): string {
  const [year, index] = month.split('-').map(Number);
  return `${MONTHS[index - 1]} ${year}`;
}
