import { IsISO8601, Matches } from 'class-validator';
import { invalid } from './errors';

/** Field validators every service's DTOs share; messages starting with `$` are shown to staff as written. */
export const DateField = () => IsISO8601({ strict: true }, { message: '$harus berupa tanggal YYYY-MM-DD' });
export const NipField = () => Matches(/^\d{18}$/, { message: '$harus 18 digit angka' });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Path and query parameters, checked with the same 400 answer a DTO field gets. */
export function dateParam(value: string, field: string): string {
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) throw invalid(field, 'harus berupa tanggal YYYY-MM-DD');
  return value;
}

export function monthParam(value: string, field = 'month'): string {
  if (!MONTH.test(value)) throw invalid(field, 'harus berupa bulan YYYY-MM');
  return value;
}

export function yearParam(value: string, field = 'year'): number {
  if (!/^\d{4}$/.test(value)) throw invalid(field, 'harus tahun 4 digit');
  return Number(value);
}

export function nipParam(value: string, field = 'nip'): string {
  if (!/^\d{18}$/.test(value)) throw invalid(field, 'harus 18 digit angka');
  return value;
}
