import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { invalid, notFound } from './errors';

/**
 * Field validators and parameter checks every service shares. Messages starting with `$` are shown to
 * staff as written (see validation.ts).
 */

/** Years a personnel date can plausibly fall in; anything outside is a typo or a probe. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;
const YEAR_WINDOW = `tahun ${FIRST_YEAR}–${LAST_YEAR}`;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
/** Date and time with an optional fraction and an offset or Z, as ISO 8601 and JSON write it. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const inWindow = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;

/** A YYYY-MM-DD that names a real day (no 30 February) in the plausible window. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return inWindow(y) && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** An ISO 8601 date-time whose date and time fields all exist (no 25:00, no 31 April). */
export function isCalendarDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE_TIME.exec(value);
  if (!m || !isCalendarDate(`${m[1]}-${m[2]}-${m[3]}`)) return false;
  return Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60 && !Number.isNaN(Date.parse(value));
}

export const DateField = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => `$harus berupa tanggal YYYY-MM-DD yang ada (${YEAR_WINDOW})` } },
    options,
  );

export const DateTimeField = () =>
  ValidateBy({
    name: 'isCalendarDateTime',
    validator: { validate: isCalendarDateTime, defaultMessage: () => '$harus berupa tanggal/waktu ISO 8601, mis. 2026-11-30T07:30:00+08:00' },
  });

export const NipField = () => Matches(/^\d{18}$/, { message: '$harus 18 digit angka' });

/** Unit codes as SIAP issues them; every service that names a unit checks the same shape. */
export const UNIT_CODE = /^[A-Z0-9][A-Z0-9._-]{0,39}$/;
export const UnitCodeField = () => Matches(UNIT_CODE, { message: '$harus 1–40 huruf besar, angka, titik, garis bawah atau tanda hubung' });

/** Required text: a string with something in it besides spaces, within `max` characters. */
export function TextField(max: number) {
  return applyDecorators(
    IsString({ message: '$harus berupa teks' }),
    ValidateBy({
      name: 'isNotBlank',
      validator: { validate: (v: unknown) => typeof v === 'string' && v.trim().length > 0, defaultMessage: () => '$wajib diisi' },
    }),
    MaxLength(max, { message: `$maksimal ${max} karakter` }),
  );
}

/**
 * For corrections (PATCH): the field may be left out, but when sent it must be valid; `null` is not
 * "leave it as it is" and is checked like any other value.
 */
export const Omittable = () => ValidateIf((_object, value) => value !== undefined);

/** Path and query parameters, checked with the same 400 answer a DTO field gets. */
export function dateParam(value: string, field: string): string {
  if (!isCalendarDate(value)) throw invalid(field, `harus berupa tanggal YYYY-MM-DD yang ada (${YEAR_WINDOW})`);
  return value;
}

export function dateTimeParam(value: string, field: string): string {
  if (!isCalendarDate(value) && !isCalendarDateTime(value)) throw invalid(field, 'harus berupa tanggal YYYY-MM-DD atau tanggal/waktu ISO 8601');
  return value;
}

export function monthParam(value: string, field = 'month'): string {
  const m = ISO_MONTH.exec(value);
  if (!m || !inWindow(Number(m[1])) || Number(m[2]) < 1 || Number(m[2]) > 12) throw invalid(field, `harus berupa bulan YYYY-MM (${YEAR_WINDOW})`);
  return value;
}

export function yearParam(value: string, field = 'year'): number {
  if (!/^\d{4}$/.test(value) || !inWindow(Number(value))) throw invalid(field, `harus tahun 4 digit (${FIRST_YEAR}–${LAST_YEAR})`);
  return Number(value);
}

export function nipParam(value: string, field = 'nip'): string {
  if (!/^\d{18}$/.test(value)) throw invalid(field, 'harus 18 digit angka');
  return value;
}

/** A record id from a path: anything but a UUID cannot name a record, so it is not found. */
export function uuidParam(value: string, what: string): string {
  if (!UUID.test(value)) throw notFound(what);
  return value.toLowerCase();
}
