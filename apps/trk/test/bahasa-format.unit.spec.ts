import { clockTime, formatCount, formatDate } from '../src/domain/bahasa-format';

describe('figures as Indonesian readers write them', () => {
  it.each([
    [6000, '6.000'],
    [450, '450'],
    [1234567, '1.234.567'],
    [-6000, '-6.000'],
  ])('counts %d as %s', (value, text) => expect(formatCount(value)).toBe(text));

  it.each([
    ['2020-01-01', '1 Januari 2020'],
    ['2026-08-17', '17 Agustus 2026'],
    ['2026-12-31', '31 Desember 2026'],
  ])('writes %s as %s', (iso, text) => expect(formatDate(iso)).toBe(text));

  it('writes minute 959 as 15:59', () => expect(clockTime(959)).toBe('15:59'));
});
