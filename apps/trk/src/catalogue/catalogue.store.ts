import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CatalogueActivityDto } from './catalogue.dto';
import type { CatalogueActivityResponse } from './catalogue.responses';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

const COLUMNS = `code, name, output_unit AS "outputUnit", standard_minutes AS "standardMinutes", evidence_required AS "evidenceRequired",
  position_type AS "positionType", position_code AS "positionCode", unit_code AS "unitCode", activity_group AS "group", share,
  updated_by AS "updatedBy", to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`;

/** A catalogue activity to write, with the unit it belongs to (the position's) or null for a province-wide one. */
export interface CatalogueWrite {
  code: string;
  activity: CatalogueActivityDto;
  unitCode: string | null;
}

/** The activity catalogue's SQL. */
@Injectable()
export class CatalogueStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The activities open to a position (its own and its type's) and/or of a type, by code. A position's
   * type is SIAP's, from TRK's copy of the positions.
   */
  list(positionCode: string | null, positionType: string | null): Promise<CatalogueActivityResponse[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM catalogue_activity
       WHERE ($1::text IS NULL OR position_code = $1 OR position_type = (SELECT type FROM position WHERE code = $1))
         AND ($2::text IS NULL OR position_type = $2)
       ORDER BY code LIMIT 5000`,
      [positionCode, positionType],
    ) as Promise<CatalogueActivityResponse[]>;
  }

  async get(code: string, db: Queryable = this.dataSource): Promise<CatalogueActivityResponse | null> {
    const [row] = (await db.query(`SELECT ${COLUMNS} FROM catalogue_activity WHERE code = $1`, [code])) as CatalogueActivityResponse[];
    return row ?? null;
  }

  /** The units of positions (null for a position SIAP has not announced), for many codes at once. */
  async unitsOfPositions(codes: string[]): Promise<Map<string, { unitCode: string; unitPath: string[] }>> {
    const rows = (await this.dataSource.query(
      `SELECT p.code, p.unit_code, coalesce(u.path, ARRAY[p.unit_code]) AS path FROM position p LEFT JOIN unit u ON u.code = p.unit_code WHERE p.code = ANY($1)`,
      [codes],
    )) as { code: string; unit_code: string; path: string[] }[];
    return new Map(rows.map((r) => [r.code, { unitCode: r.unit_code, unitPath: r.path }]));
  }

  /** The stored activities among `codes`, with the unit each belongs to. */
  async existing(codes: string[], db: Queryable = this.dataSource): Promise<Map<string, { unitCode: string | null; unitPath: string[] | null }>> {
    const rows = (await db.query(
      `SELECT c.code, c.unit_code, u.path FROM catalogue_activity c LEFT JOIN unit u ON u.code = c.unit_code WHERE c.code = ANY($1)`,
      [codes],
    )) as { code: string; unit_code: string | null; path: string[] | null }[];
    return new Map(rows.map((r) => [r.code, { unitCode: r.unit_code, unitPath: r.path ?? (r.unit_code ? [r.unit_code] : null) }]));
  }

  /**
   * Writes activities in one statement: new codes are created, changed ones updated, identical ones
   * left alone (not even their updated_by), so a file imported twice changes nothing the second time.
   */
  async upsert(writes: CatalogueWrite[], by: string, db: Queryable = this.dataSource): Promise<{ created: number; updated: number }> {
    const column = <T>(pick: (w: CatalogueWrite) => T) => writes.map(pick);
    const rows = (await db.query(
      `INSERT INTO catalogue_activity AS c (code, name, output_unit, standard_minutes, evidence_required, position_type, position_code, unit_code, activity_group, share, updated_by)
       SELECT *, $11::text FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::boolean[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[])
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, output_unit = excluded.output_unit, standard_minutes = excluded.standard_minutes,
         evidence_required = excluded.evidence_required, position_type = excluded.position_type, position_code = excluded.position_code,
         unit_code = excluded.unit_code, activity_group = excluded.activity_group, share = excluded.share, updated_by = excluded.updated_by, updated_at = now()
       WHERE (c.name, c.output_unit, c.standard_minutes, c.evidence_required, c.position_type, c.position_code, c.activity_group, c.share)
         IS DISTINCT FROM (excluded.name, excluded.output_unit, excluded.standard_minutes, excluded.evidence_required, excluded.position_type,
           excluded.position_code, excluded.activity_group, excluded.share)
       RETURNING (xmax = 0) AS created`,
      [
        column((w) => w.code),
        column((w) => w.activity.name),
        column((w) => w.activity.outputUnit),
        column((w) => w.activity.standardMinutes),
        column((w) => w.activity.evidenceRequired),
        column((w) => w.activity.positionType ?? null),
        column((w) => w.activity.positionCode ?? null),
        column((w) => w.unitCode),
        column((w) => w.activity.group ?? null),
        column((w) => w.activity.share ?? null),
        by,
      ],
    )) as { created: boolean }[];
    const created = rows.filter((r) => r.created).length;
    return { created, updated: rows.length - created };
  }

  async remove(code: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query('DELETE FROM catalogue_activity WHERE code = $1', [code])) as [unknown, number];
    return count > 0;
  }
}
