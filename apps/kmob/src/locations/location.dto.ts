import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Matches, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { TextField } from '@app/service-kit';
import { BSSID, BSSID_MESSAGE, LatitudeField, LongitudeField } from '../common/fields';

export class LocationDto {
  @ApiProperty({ example: 'Kantor Gubernur Sulawesi Tengah' })
  @TextField(200)
  @MinLength(2, { message: '$minimal 2 karakter' })
  name!: string;

  @LatitudeField()
  latitude!: number;

  @LongitudeField()
  longitude!: number;

  @ApiProperty({ example: 100, description: 'Radius of the geofence in metres' })
  @IsInt()
  @Min(10)
  @Max(5000)
  radiusMeters!: number;

  @ApiPropertyOptional({ type: [String], description: 'Wi-Fi access points (BSSID) of the office' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(BSSID, { each: true, message: BSSID_MESSAGE })
  wifiBssids?: string[];
}

export class LocationListDto {
  @ApiProperty({ type: [LocationDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LocationDto)
  locations!: LocationDto[];
}
