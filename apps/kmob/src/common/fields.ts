import { isCalendarDateTime } from '@app/service-kit';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min, ValidateBy } from 'class-validator';

/** K-Mob's own field validators (dates, NIPs and parameters are shared: libs/service-kit). */
/** A coordinate in decimal degrees (WGS 84), as phones and maps give it. */
function Degrees(limit: number, example: number) {
  return applyDecorators(ApiProperty({ example }), IsNumber({}, { message: '$harus berupa angka derajat' }), Min(-limit), Max(limit));
}

export const LatitudeField = () => Degrees(90, -0.8979);
export const LongitudeField = () => Degrees(180, 119.8594);
export const BSSID = /^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/;
export const BSSID_MESSAGE = '$harus berupa BSSID, mis. a4:2b:b0:11:22:33';

const INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 instant with its offset (or Z) whose fields all exist and that reads back as written: the
 * instant shifted by its offset gives the same date and time, so no field was carried over
 * (2026-02-30) and the offset is one a clock can have (at most ±14:00).
 */
export function isRoundTripInstant(value: unknown): value is string {
  if (!isCalendarDateTime(value)) return false;
  const m = INSTANT.exec(value);
  if (!m) return false;
  const offsetMinutes = m[3] ? (m[3] === '-' ? -1 : 1) * (Number(m[4]) * 60 + Number(m[5])) : 0;
  if (Math.abs(offsetMinutes) > 14 * 60 || Number(m[5] ?? 0) >= 60) return false;
  const local = new Date(Date.parse(value) + offsetMinutes * 60_000).toISOString();
  return local.slice(0, 16) === m[1] && local.slice(17, 19) === (m[2] ?? '00');
}

export const InstantField = () =>
  ValidateBy({
    name: 'isRoundTripInstant',
    validator: {
      validate: isRoundTripInstant,
      defaultMessage: () => '$harus berupa waktu ISO 8601 yang ada dengan zona waktunya, mis. 2026-11-30T07:28:41+08:00',
    },
  });
