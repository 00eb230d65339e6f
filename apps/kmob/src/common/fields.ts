import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNumber, Matches, Max, Min } from 'class-validator';

/** Validators of K-Mob's request fields; messages starting with `$` are shown to staff as written. */
export const DateField = () => IsISO8601({ strict: true }, { message: '$harus berupa tanggal YYYY-MM-DD' });
export const MonthField = () => Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '$harus berupa bulan YYYY-MM' });
export const NipField = () => Matches(/^\d{18}$/, { message: '$harus 18 digit angka' });
export const UnitCodeField = () => Matches(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, { message: '$harus kode unit (huruf besar, angka, titik, garis bawah atau tanda hubung)' });

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A coordinate in decimal degrees (WGS 84), as phones and maps give it. */
function Degrees(limit: number, example: number) {
  return applyDecorators(ApiProperty({ example }), IsNumber({}, { message: '$harus berupa angka derajat' }), Min(-limit), Max(limit));
}

export const LatitudeField = () => Degrees(90, -0.8979);
export const LongitudeField = () => Degrees(180, 119.8594);
export const BSSID = /^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/;
export const BSSID_MESSAGE = '$harus berupa BSSID, mis. a4:2b:b0:11:22:33';
