import { Matches } from 'class-validator';

/** Validators shared by SIAP's request bodies; messages starting with `$` are shown to staff as written. */
export const POSITION_CODE = /^[A-Z0-9][A-Z0-9._-]{0,59}$/;

export { UNIT_CODE, UnitCodeField } from '@app/service-kit';
export const PositionCodeField = () => Matches(POSITION_CODE, { message: '$harus 1–60 huruf besar, angka, titik, garis bawah atau tanda hubung' });
