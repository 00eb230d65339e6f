import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { BerakhlakCode, OrganisationRating, Predikat, Rating } from '../domain/skp';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface SkpRating {
  year: number;
  nip: string;
  name: string | null;
  unitCode: string;
  hasil: Rating;
  perilaku: Rating;
  perilakuValues: Record<BerakhlakCode, Rating>;
  predikat: Predikat;
  note: string | null;
  ratedBy: string;
  ratedAt: string;
}

export type NewSkpRating = Omit<SkpRating, 'name' | 'ratedAt'> & { unitPath: string[]; ratedAt: Date };

export interface SkpUnitState {
  organisationRating: OrganisationRating | null;
  organisationReason: string | null;
  organisationRatedBy: string | null;
  organisationRatedAt: string | null;
  overrideReason: string | null;
  overrideBy: string | null;
  overrideAt: string | null;
  finalisedBy: string | null;
  finalisedAt: string | null;
}

const RATING_COLUMNS = `r.year, r.nip, e.name, r.unit_code AS "unitCode", r.hasil, r.perilaku, r.perilaku_values AS "perilakuValues", r.predikat, r.note,
  r.rated_by AS "ratedBy", ${ISO('r.rated_at')} AS "ratedAt"`;

const UNIT_COLUMNS = `organisation_rating AS "organisationRating", organisation_reason AS "organisationReason", organisation_rated_by AS "organisationRatedBy",
  ${ISO('organisation_rated_at')} AS "organisationRatedAt", override_reason AS "overrideReason", override_by AS "overrideBy", ${ISO('override_at')} AS "overrideAt",
  finalised_by AS "finalisedBy", ${ISO('finalised_at')} AS "finalisedAt"`;

/** Every query on annual SKP ratings and units' organisation ratings. */
@Injectable()
export class SkpStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The unit's head: the holder (in service, first by NIP) of its one STRUKTURAL position whose own
   * atasan position is outside the unit (or none). Null when TRK's copy of SIAP cannot tell: no such
   * position, more than one, or vacant.
   */
  async unitHead(unitCode: string, db: Queryable = this.dataSource): Promise<string | null> {
    const positions = (await db.query(
      `SELECT p.code FROM position p WHERE p.unit_code = $1 AND p.type = 'STRUKTURAL'
         AND NOT EXISTS (SELECT 1 FROM position q WHERE q.code = p.parent_code AND q.unit_code = p.unit_code)`,
      [unitCode],
    )) as { code: string }[];
    if (positions.length !== 1) return null;
    const [holder] = (await db.query(`SELECT nip FROM employee WHERE position_code = $1 AND status = 'AKTIF' ORDER BY nip LIMIT 1`, [positions[0].code])) as {
      nip: string;
    }[];
    return holder?.nip.trim() ?? null;
  }

  /**
   * The finalised units of the year among `unitPath`, locked against a finalisation under way: a rating
   * either lands before the unit is finalised (and is counted in it) or is refused after.
   */
  async finalisedAmong(m: EntityManager, year: number, unitPath: string[]): Promise<string[]> {
    // Every unit on the path gets its row, so that there is always a row to wait on.
    await m.query('INSERT INTO skp_unit (year, unit_code) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [year, unitPath]);
    const rows = (await m.query('SELECT unit_code, finalised_at FROM skp_unit WHERE year = $1 AND unit_code = ANY($2) FOR SHARE', [year, unitPath])) as {
      unit_code: string;
      finalised_at: Date | null;
    }[];
    return rows.filter((r) => r.finalised_at !== null).map((r) => r.unit_code);
  }

  /** An employee's rating of the year, or null. */
  async rating(year: number, nip: string): Promise<SkpRating | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${RATING_COLUMNS} FROM skp_rating r LEFT JOIN employee e ON e.nip = r.nip WHERE r.year = $1 AND r.nip = $2`,
      [year, nip],
    )) as SkpRating[];
    return row ?? null;
  }

  /** The published scores of an employee's closed months of the year, by month. */
  monthScores(year: number, nip: string): Promise<{ month: string; score: string; version: number; approvedMinutes: number; normMinutes: number }[]> {
    return this.dataSource.query(
      `SELECT month, score::text AS score, version, approved_minutes AS "approvedMinutes", norm_minutes AS "normMinutes"
       FROM trk_month_score WHERE nip = $1 AND month LIKE $2 ORDER BY month`,
      [nip, `${year}-%`],
    );
  }

  async upsertRating(m: EntityManager, r: NewSkpRating): Promise<SkpRating> {
    await m.query(
      `INSERT INTO skp_rating (year, nip, unit_code, unit_path, hasil, perilaku, perilaku_values, predikat, note, rated_by, rated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (year, nip) DO UPDATE SET unit_code = $3, unit_path = $4, hasil = $5, perilaku = $6, perilaku_values = $7, predikat = $8, note = $9,
         rated_by = $10, rated_at = $11`,
      [r.year, r.nip, r.unitCode, r.unitPath, r.hasil, r.perilaku, JSON.stringify(r.perilakuValues), r.predikat, r.note, r.ratedBy, r.ratedAt],
    );
    const [row] = (await m.query(`SELECT ${RATING_COLUMNS} FROM skp_rating r LEFT JOIN employee e ON e.nip = r.nip WHERE r.year = $1 AND r.nip = $2`, [
      r.year,
      r.nip,
    ])) as SkpRating[];
    return row;
  }

  /** The year's ratings of the employees rated in the unit or a unit below it. */
  ratings(year: number, unitCode: string, db: Queryable = this.dataSource): Promise<SkpRating[]> {
    return db.query(
      `SELECT ${RATING_COLUMNS} FROM skp_rating r LEFT JOIN employee e ON e.nip = r.nip WHERE r.year = $1 AND r.unit_path @> ARRAY[$2::text] ORDER BY r.nip`,
      [year, unitCode],
    ) as Promise<SkpRating[]>;
  }

  /** Employees in service in the unit (or below it) now without a rating of the year. */
  unrated(year: number, unitCode: string, db: Queryable = this.dataSource): Promise<{ nip: string; name: string }[]> {
    return db.query(
      `SELECT e.nip, e.name FROM employee e WHERE e.unit_path @> ARRAY[$2::text] AND e.status = 'AKTIF'
         AND NOT EXISTS (SELECT 1 FROM skp_rating r WHERE r.year = $1 AND r.nip = e.nip) ORDER BY e.nip LIMIT 1000`,
      [year, unitCode],
    ) as Promise<{ nip: string; name: string }[]>;
  }

  async unit(year: number, unitCode: string, db: Queryable = this.dataSource, lock = false): Promise<SkpUnitState | null> {
    const [row] = (await db.query(`SELECT ${UNIT_COLUMNS} FROM skp_unit WHERE year = $1 AND unit_code = $2${lock ? ' FOR UPDATE' : ''}`, [
      year,
      unitCode,
    ])) as SkpUnitState[];
    return row ?? null;
  }

  /** The unit's row for the year, created empty if there is none, locked for the transaction. */
  async lockUnit(m: EntityManager, year: number, unitCode: string): Promise<SkpUnitState> {
    await m.query('INSERT INTO skp_unit (year, unit_code) VALUES ($1, $2) ON CONFLICT DO NOTHING', [year, unitCode]);
    return (await this.unit(year, unitCode, m, true))!;
  }

  async setOrganisationRating(m: EntityManager, year: number, unitCode: string, rating: OrganisationRating, reason: string, by: string, at: Date) {
    await m.query(
      'UPDATE skp_unit SET organisation_rating = $3, organisation_reason = $4, organisation_rated_by = $5, organisation_rated_at = $6 WHERE year = $1 AND unit_code = $2',
      [year, unitCode, rating, reason, by, at],
    );
  }

  async setOverride(m: EntityManager, year: number, unitCode: string, reason: string, by: string, at: Date) {
    await m.query('UPDATE skp_unit SET override_reason = $3, override_by = $4, override_at = $5 WHERE year = $1 AND unit_code = $2', [
      year,
      unitCode,
      reason,
      by,
      at,
    ]);
  }

  async finalise(m: EntityManager, year: number, unitCode: string, by: string, at: Date) {
    await m.query('UPDATE skp_unit SET finalised_by = $3, finalised_at = $4 WHERE year = $1 AND unit_code = $2', [year, unitCode, by, at]);
  }
}
