import { isRoundTripInstant } from '../src/common/fields';

describe("a phone's capturedAt: an ISO 8601 instant with its offset that reads back as written", () => {
  it.each<{ value: unknown; valid: boolean }>([
    { value: '2026-11-30T07:28:41+08:00', valid: true },
    { value: '2026-11-30T07:28:41.123+08:00', valid: true },
    { value: '2026-11-29T23:28:41Z', valid: true },
    { value: '2026-11-30T07:28+08:00', valid: true },
    { value: '2026-11-30T07:28:41-03:30', valid: true },
    { value: '2026-11-30T07:28:41', valid: false },
    { value: '2026-02-30T07:00:00+08:00', valid: false },
    { value: '2026-11-30T24:10:00+08:00', valid: false },
    { value: '2026-11-30T07:60:00+08:00', valid: false },
    { value: '2026-11-30T07:00:00+15:00', valid: false },
    { value: '2026-11-30T07:00:00+08:75', valid: false },
    { value: '1899-12-31T07:00:00+08:00', valid: false },
    { value: '2026-11-30 07:00:00+08:00', valid: false },
    { value: 1764458921000, valid: false },
  ])('$value is valid: $valid', ({ value, valid }) => {
    expect(isRoundTripInstant(value)).toBe(valid);
  });
});
