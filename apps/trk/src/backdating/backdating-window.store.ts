import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { BackdatingWindow } from '../domain/entry-window';
import type { BackdatingWindowResponse } from './backdating-window.responses';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const COLUMNS = `w.id, w.unit_code AS "unitCode", to_char(w.from_date, 'YYYY-MM-DD') AS "from", to_char(w.to_date, 'YYYY-MM-DD') AS "to",
  ${ISO('w.opens_at')} AS "opensAt", ${ISO('w.closes_at')} AS "closesAt", w.reason, w.opened_by AS "openedBy", ${ISO('w.opened_at')} AS "openedAt",
  (SELECT count(*)::int FROM activity a WHERE a.backdating_window_id = w.id) AS entries`;

export interface NewBackdatingWindow {
  unitCode: string;
  from: string;
  to: string;
  opensAt: Date;
  closesAt: Date;
  reason: string;
  openedBy: string;
}

/** Back-dating windows: opened by BKD, kept with who opened them and why (the audit), never edited. */
@Injectable()
export class BackdatingWindowStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(w: NewBackdatingWindow): Promise<BackdatingWindowResponse> {
    const [{ id }] = (await this.dataSource.query(
      `INSERT INTO backdating_window (unit_code, from_date, to_date, opens_at, closes_at, reason, opened_by, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $4) RETURNING id`,
      [w.unitCode, w.from, w.to, w.opensAt, w.closesAt, w.reason, w.openedBy],
    )) as { id: string }[];
    const [created] = await this.list(null, id);
    return created;
  }

  list(unitCode: string | null, id: string | null = null): Promise<BackdatingWindowResponse[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM backdating_window w WHERE ($1::text IS NULL OR w.unit_code = $1) AND ($2::uuid IS NULL OR w.id = $2)
       ORDER BY w.opened_at DESC LIMIT 500`,
      [unitCode, id],
    ) as Promise<BackdatingWindowResponse[]>;
  }

  /** The windows of a unit path (the unit or any unit above it) that cover `date`, open or not. */
  async covering(unitPath: readonly string[], date: string, db: Queryable = this.dataSource): Promise<(BackdatingWindow & { id: string })[]> {
    const rows = (await db.query(
      `SELECT id, to_char(from_date, 'YYYY-MM-DD') AS "from", to_char(to_date, 'YYYY-MM-DD') AS "to", opens_at AS "opensAt", closes_at AS "closesAt"
       FROM backdating_window WHERE unit_code = ANY($1) AND from_date <= $2 AND to_date >= $2`,
      [unitPath, date],
    )) as (BackdatingWindow & { id: string })[];
    return rows;
  }
}
