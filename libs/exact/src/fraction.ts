/**
 * Exact rationals over BigInt. Scores feed an allowance paid in rupiah and must be explainable to the
 * hundredth, so they are never held in binary floating point: every ratio stays exact and is rounded
 * once, where the rule says so.
 */
export interface Fraction {
  num: bigint;
  /** Always positive. */
  den: bigint;
}

export const ZERO: Fraction = { num: 0n, den: 1n };
export const ONE: Fraction = { num: 1n, den: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function fraction(num: bigint, den: bigint = 1n): Fraction {
  if (den === 0n) throw new RangeError('a fraction cannot have a zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den) || 1n;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

/**
 * The exact decimal a number was written as (0.1 is one tenth, not the binary double nearest to it):
 * figures arrive as JSON numbers, and what the user typed is the decimal JavaScript prints back.
 */
export function fromNumber(value: number): Fraction {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`not a finite number: ${value}`);
  const [, sign, whole, decimals = '', exponent = '0'] = match;
  const scale = Number(exponent) - decimals.length;
  const digits = BigInt(`${sign}${whole}${decimals}`);
  return scale >= 0 ? fraction(digits * 10n ** BigInt(scale)) : fraction(digits, 10n ** BigInt(-scale));
}

export const add = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den + b.num * a.den, a.den * b.den);
export const multiply = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.num, a.den * b.den);
export const divide = (a: Fraction, b: Fraction): Fraction => fraction(a.num * b.den, a.den * b.num);
export function compare(a: Fraction, b: Fraction): number {
  const difference = a.num * b.den - b.num * a.den;
  return difference > 0n ? 1 : difference < 0n ? -1 : 0;
}
export const sum = (parts: readonly Fraction[]): Fraction => parts.reduce(add, ZERO);

/** The ratio clamped to [0, 1]: an achievement never counts below nothing nor above everything. */
export function capped(value: Fraction): Fraction {
  if (compare(value, ZERO) < 0) return ZERO;
  return compare(value, ONE) > 0 ? ONE : value;
}

/** The largest integer not above the value. */
export function floor(value: Fraction): bigint {
  const quotient = value.num / value.den;
  return value.num < 0n && quotient * value.den !== value.num ? quotient - 1n : quotient;
}

/** To the nearest integer, halves away from zero for the non-negative values scores are. */
export const roundHalfUp = (value: Fraction): bigint => floor(add(value, fraction(1n, 2n)));

/**
 * Integer parts of `exact` that add up to `total` (largest remainder): each part is its floor, and the
 * units still missing go to the parts with the largest fractional remainders, the earlier part first on
 * a tie. This is how shown parts (points, weights) add up exactly to a shown total rounded once.
 */
export function apportion(exact: readonly Fraction[], total: bigint): bigint[] {
  const floors = exact.map(floor);
  let missing = total - floors.reduce((a, b) => a + b, 0n);
  if (missing < 0n || missing > BigInt(exact.length)) throw new RangeError('the total is not within rounding of the parts');
  const byRemainder = exact
    .map((part, index) => ({ index, remainder: add(part, fraction(-floors[index])) }))
    .sort((a, b) => compare(b.remainder, a.remainder) || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing === 0n) break;
    floors[index]++;
    missing--;
  }
  return floors;
}

/** Hundredths as a decimal with two places: 9000n → "90.00". */
export function formatHundredths(hundredths: bigint): string {
  const negative = hundredths < 0n;
  const digits = String(negative ? -hundredths : hundredths).padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
