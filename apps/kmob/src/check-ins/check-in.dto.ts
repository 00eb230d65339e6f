import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { TextField } from '@app/service-kit';
import { BSSID, BSSID_MESSAGE, LatitudeField, LongitudeField } from '../common/fields';

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
}
