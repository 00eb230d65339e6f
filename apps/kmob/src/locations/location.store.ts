import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { LocationDto } from './location.dto';

export interface StoredLocation {
  name: string;
  latitude: number;
  longitude: number;
  radiusMeters: number;
  wifiBssids: string[];
}

const SELECT = `SELECT name, latitude, longitude, radius_meters AS "radiusMeters", wifi_bssids AS "wifiBssids" FROM location`;

/** Office locations of a unit, or a single employee's own, replaced as a whole. */
@Injectable()
export class LocationStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(owner: LocationOwner): Promise<StoredLocation[]> {
    return this.dataSource.query(`${SELECT} WHERE ${owner.column} = $1 ORDER BY id`, [owner.key]) as Promise<StoredLocation[]>;
  }

  async replace(owner: LocationOwner, locations: LocationDto[]): Promise<StoredLocation[]> {
    await this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM location WHERE ${owner.column} = $1`, [owner.key]);
      for (const l of locations) {
        await m.query(`INSERT INTO location (${owner.column}, name, latitude, longitude, radius_meters, wifi_bssids) VALUES ($1, $2, $3, $4, $5, $6)`, [
          owner.key,
          l.name,
          l.latitude,
          l.longitude,
          l.radiusMeters,
          l.wifiBssids ?? [],
        ]);
      }
    });
    return this.list(owner);
  }
}

/** A unit's locations or one employee's. */
export type LocationOwner = { column: 'unit_code'; key: string } | { column: 'nip'; key: string };
export const ofUnit = (unitCode: string): LocationOwner => ({ column: 'unit_code', key: unitCode });
export const ofEmployee = (nip: string): LocationOwner => ({ column: 'nip', key: nip });
