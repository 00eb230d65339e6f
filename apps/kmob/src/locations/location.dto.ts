import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

export class LocationDto {
  @ApiProperty({ example: 'Kantor Gubernur Sulawesi Tengah' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: -0.8956 })
  @IsNumber({}, { message: '$harus berupa angka derajat' })
  @Min(-90)
  @Max(90)
  latitude!: number;

  @ApiProperty({ example: 119.8707 })
  @IsNumber({}, { message: '$harus berupa angka derajat' })
  @Min(-180)
  @Max(180)
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
  @Matches(/^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/, { each: true, message: '$harus berupa BSSID, mis. a4:2b:b0:11:22:33' })
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
