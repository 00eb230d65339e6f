import { IsISO8601, Matches } from 'class-validator';

/** Validators of K-Mob's request fields; messages starting with `$` are shown to staff as written. */
export const DateField = () => IsISO8601({ strict: true }, { message: '$harus berupa tanggal YYYY-MM-DD' });
export const MonthField = () => Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '$harus berupa bulan YYYY-MM' });
export const NipField = () => Matches(/^\d{18}$/, { message: '$harus 18 digit angka' });
export const UnitCodeField = () => Matches(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, { message: '$harus kode unit (huruf besar, angka, titik, garis bawah atau tanda hubung)' });

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
