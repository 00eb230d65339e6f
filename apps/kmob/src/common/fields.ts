import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';

/** K-Mob's own field validators (dates, NIPs and parameters are shared: libs/service-kit). */
/** A coordinate in decimal degrees (WGS 84), as phones and maps give it. */
function Degrees(limit: number, example: number) {
  return applyDecorators(ApiProperty({ example }), IsNumber({}, { message: '$harus berupa angka derajat' }), Min(-limit), Max(limit));
}

export const LatitudeField = () => Degrees(90, -0.8979);
export const LongitudeField = () => Degrees(180, 119.8594);
export const BSSID = /^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/;
export const BSSID_MESSAGE = '$harus berupa BSSID, mis. a4:2b:b0:11:22:33';
