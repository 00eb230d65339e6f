import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { TextField } from '@app/service-kit';
import { BSSID, BSSID_MESSAGE, InstantField, LatitudeField, LongitudeField } from '../common/fields';

export class CheckInDto {
  @ApiProperty({ enum: ['IN', 'OUT'] })
  @IsIn(['IN', 'OUT'], { message: '$harus IN (masuk) atau OUT (pulang)' })
  type!: 'IN' | 'OUT';

  @LatitudeField()
  latitude!: number;

  @LongitudeField()
  longitude!: number;

  @ApiProperty({ example: 12, description: "The phone's own estimate of its position error, in metres" })
  @IsNumber()
  @Min(0)
  @Max(100_000)
  accuracyMeters!: number;

  @ApiProperty({ description: 'The phone reports a mock (fake GPS) location provider' })
  @IsBoolean()
  mocked!: boolean;

  @ApiProperty({ example: 'android-7f3a9c' })
  @TextField(200)
  deviceId!: string;

  @ApiPropertyOptional({ description: 'BSSID of the Wi-Fi access point the phone is connected to' })
  @IsOptional()
  @Matches(BSSID, { message: BSSID_MESSAGE })
  wifiBssid?: string;

  @ApiPropertyOptional({ description: 'Selfie, JPEG or PNG, base64 (a data: URL is accepted), up to 2 MB' })
  @IsOptional()
  @IsString()
  photo?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    example: '2026-11-30T07:28:41+08:00',
    description:
      'When the phone made the check-in, for one made without signal and sent later: ISO 8601 with offset. It counts at this time only if it is not in the future and within the offline window (rule offline-check-in); otherwise 422 naming capturedAt',
  })
  @IsOptional()
  @InstantField()
  capturedAt?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    example: '3f0c1a52-7a8e-4d36-9a7f-2b1c5d9e8f10',
    description: "The phone's own id for this check-in: sent again (a retry), the stored check-in is returned with 200 instead of a second one",
  })
  @IsOptional()
  @IsUUID('all', { message: '$harus berupa UUID' })
  clientId?: string;
}
