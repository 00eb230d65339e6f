import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StoredLocation } from './location.store';

/** An office location as the location routes answer it (OpenAPI). */
export class LocationResponse implements Omit<StoredLocation, 'wifiBssids'> {
  @ApiProperty({ example: 'Kantor BKD Sulteng' }) name!: string;
  @ApiProperty({ example: -0.8979 }) latitude!: number;
  @ApiProperty({ example: 119.8594 }) longitude!: number;
  @ApiProperty({ example: 100, description: 'Radius of the geofence in metres' }) radiusMeters!: number;
  @ApiPropertyOptional({ type: [String], description: 'Office Wi-Fi BSSIDs: shown only to those who manage the locations' }) wifiBssids?: string[];
}
