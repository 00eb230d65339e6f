import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '@app/service-kit';

export interface RegistrationOrg {
  /** The unit and its ancestors, nearest first; null when the unit does not exist. */
  unitPath: string[] | null;
  positionUnit: string | null;
  kelasJabatan: number | null;
  supervisorPositionCode: string | null;
}

/**
 * What a registration needs to know about its unit and position, cached briefly: units and positions
 * change rarely, and a registration burst (a new intake, a bulk onboarding) asks the same few pairs
 * thousands of times. This instance drops the cache on every organisation change it makes; another
 * instance's change is seen within TTL_MS. Existence is still enforced by foreign keys.
 */
@Injectable()
export class RegistrationLookup {
  static readonly TTL_MS = 5_000;
  private readonly cache = new Map<string, { value: RegistrationOrg; expires: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(unitCode: string, positionCode: string): Promise<RegistrationOrg> {
    const key = `${unitCode}\u0000${positionCode}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    const [row] = await preparedQuery<{ unit_path: string[] | null; unit_code: string | null; kelas_jabatan: number | null; parent_code: string | null }>(
      this.dataSource,
      'siap-register-lookup',
      `WITH RECURSIVE up(code, parent_code, depth) AS (
         SELECT code, parent_code, 0 FROM unit WHERE code = $1
         UNION ALL SELECT u.code, u.parent_code, up.depth + 1 FROM unit u JOIN up ON u.code = up.parent_code WHERE up.depth < 50)
       SELECT (SELECT array_agg(code ORDER BY depth) FROM up) AS unit_path, p.unit_code, p.kelas_jabatan, p.parent_code
       FROM (SELECT 1) AS one LEFT JOIN position p ON p.code = $2`,
      [unitCode, positionCode],
    );
    const value = { unitPath: row.unit_path, positionUnit: row.unit_code, kelasJabatan: row.kelas_jabatan, supervisorPositionCode: row.parent_code };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { value, expires: Date.now() + RegistrationLookup.TTL_MS });
    return value;
  }

  invalidate(): void {
    this.cache.clear();
  }
}
