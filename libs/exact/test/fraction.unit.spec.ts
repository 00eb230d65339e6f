import { apportion, compare, divide, floor, fraction, fromNumber, multiply, roundHalfUp } from '../src';

describe('exact rationals for money and scores', () => {
  it('reads a number as the decimal it was written as, not the nearest double', () => {
    expect(fromNumber(0.1)).toEqual({ num: 1n, den: 10n });
    expect(fromNumber(12.5)).toEqual({ num: 25n, den: 2n });
    expect(fromNumber(1e21)).toEqual({ num: 10n ** 21n, den: 1n });
    expect(compare(multiply(fromNumber(0.1), fraction(3n)), fromNumber(0.3))).toBe(0);
  });

  it('floors towards minus infinity and rounds halves up', () => {
    expect(floor(fraction(7n, 2n))).toBe(3n);
    expect(floor(fraction(-7n, 2n))).toBe(-4n);
    expect(roundHalfUp(fraction(5n, 2n))).toBe(3n);
    expect(roundHalfUp(fraction(249n, 100n))).toBe(2n);
  });

  it('keeps 6.000.000 × 2/3 exact until it is floored once', () => {
    expect(floor(multiply(fraction(6_000_000n), divide(fraction(2n), fraction(3n))))).toBe(4_000_000n);
    expect(floor(multiply(fraction(1_000_000n), fraction(19n, 21n)))).toBe(904_761n);
  });

  it('apportions a rounded total over its parts, largest remainder first', () => {
    expect(apportion([fraction(1n, 3n), fraction(1n, 3n), fraction(1n, 3n)], 1n)).toEqual([1n, 0n, 0n]);
    expect(apportion([fraction(5n, 2n), fraction(3n, 2n)], 4n)).toEqual([3n, 1n]);
    expect(() => apportion([fraction(1n)], 3n)).toThrow(RangeError);
  });

  it('refuses a zero denominator', () => expect(() => fraction(1n, 0n)).toThrow(RangeError));
});
