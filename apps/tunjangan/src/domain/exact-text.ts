import { fraction, type Fraction } from '@app/exact';

/**
 * Exact values as text, so a line can store and show every intermediate without binary floating
 * point: a decimal string when the value has one ("0.866"), otherwise "numerator/denominator".
 */
export function exactText(value: Fraction): string {
  let scale = 0n;
  let den = value.den;
  // A fraction has a finite decimal exactly when its denominator has no prime factor other than 2 and 5.
  while (den % 10n === 0n) [den, scale] = [den / 10n, scale + 1n];
  while (den % 2n === 0n) [den, scale] = [den / 2n, scale + 1n];
  while (den % 5n === 0n) [den, scale] = [den / 5n, scale + 1n];
  if (den !== 1n) return `${value.num}/${value.den}`;
  const digits = (value.num * 10n ** scale) / value.den;
  return decimalOf(digits, Number(scale));
}

function decimalOf(scaled: bigint, places: number): string {
  const negative = scaled < 0n;
  const digits = String(negative ? -scaled : scaled).padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}

/** A decimal written with a dot ("80.00", "3.5", "-1"), read exactly. Published scores and stored values come as such text. */
export function parseDecimal(text: string): Fraction {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal: ${JSON.stringify(text)}`);
  const [, sign, whole, decimals = ''] = match;
  return fraction(BigInt(`${sign}${whole}${decimals}`), 10n ** BigInt(decimals.length));
}

/** Reads back what exactText wrote. */
export function parseExact(text: string): Fraction {
  const [num, den] = text.split('/');
  return den === undefined ? parseDecimal(num) : fraction(BigInt(num), BigInt(den));
}
