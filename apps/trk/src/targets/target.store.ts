import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { achievementPercent } from '../domain/score-facts';
import type { TargetPeriod } from '../domain/target-period';
import type { TargetResponse, TargetStatus } from './target.responses';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A target's outputs: the quantity of the employee's entries of the target's catalogue activities in
 * its period, approved (or reduced: the output was made, only its minutes were cut) and still pending.
 */
export const ACHIEVED_SQL = (t: string, statuses: string) => `coalesce((SELECT sum(a.quantity) FROM activity a
  WHERE a.nip = ${t}.nip AND a.catalogue_code = ANY(${t}.catalogue_codes) AND a.activity_date BETWEEN ${t}.period_start AND ${t}.period_end
    AND a.status IN (${statuses})), 0)::int`;

const COLUMNS = `t.id, t.nip, t.period, CASE WHEN length(t.period) = 4 THEN 'ANNUAL' ELSE 'MONTHLY' END AS kind, t.title, t.quantity,
  t.output_unit AS "outputUnit", t.catalogue_codes AS "catalogueCodes", t.status, t.decided_by AS "decidedBy", ${ISO('t.decided_at')} AS "decidedAt",
  t.decision_reason AS "decisionReason", ${ISO('t.created_at')} AS "createdAt",
  ${ACHIEVED_SQL('t', `'APPROVED', 'REDUCED'`)} AS achieved, ${ACHIEVED_SQL('t', `'PENDING'`)} AS "pendingQuantity"`;

type TargetRow = Omit<TargetResponse, 'achievementPercent'>;
const withPercent = (row: TargetRow): TargetResponse => ({ ...row, achievementPercent: achievementPercent(row.achieved, row.quantity) });

export interface NewTarget {
  id: string;
  nip: string;
  period: TargetPeriod;
  title: string;
  quantity: number;
  outputUnit: string;
  catalogueCodes: string[];
}

/** What an entry naming a target is checked against. */
export interface TargetForEntry {
  nip: string;
  status: TargetStatus;
  period: string;
  catalogueCodes: string[];
}

/** Every query on IKI targets. */
@Injectable()
export class TargetStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Of `codes`, those not open to the position: not in the catalogue, or another position's, or of
   * another SIAP type. A family SIAP does not know (GURU) is open to every position, as for entries.
   */
  async closedCodes(codes: string[], positionCode: string): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT wanted.code FROM unnest($1::text[]) AS wanted(code)
       WHERE NOT EXISTS (SELECT 1 FROM catalogue_activity c WHERE c.code = wanted.code AND (c.position_code = $2
         OR c.position_type = (SELECT p.type FROM position p WHERE p.code = $2)
         OR c.position_type NOT IN ('STRUKTURAL', 'FUNGSIONAL', 'PELAKSANA')))`,
      [codes, positionCode],
    )) as { code: string }[];
    return rows.map((r) => r.code);
  }

  async insert(t: NewTarget): Promise<TargetResponse> {
    await this.dataSource.query(
      `INSERT INTO target (id, nip, period, period_start, period_end, title, quantity, output_unit, catalogue_codes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [t.id, t.nip, t.period.period, t.period.start, t.period.end, t.title, t.quantity, t.outputUnit, t.catalogueCodes],
    );
    return (await this.get(t.id))!;
  }

  async get(id: string, db: Queryable = this.dataSource): Promise<TargetResponse | null> {
    const [row] = (await db.query(`SELECT ${COLUMNS} FROM target t WHERE t.id = $1`, [id])) as TargetRow[];
    return row ? withPercent(row) : null;
  }

  /** The target locked for a decision, or null. */
  async lock(m: EntityManager, id: string): Promise<{ nip: string; status: TargetStatus; period: string } | null> {
    const [row] = (await m.query('SELECT nip, status, period FROM target WHERE id = $1 FOR UPDATE', [id])) as {
      nip: string;
      status: TargetStatus;
      period: string;
    }[];
    return row ?? null;
  }

  async decide(m: EntityManager, id: string, status: Exclude<TargetStatus, 'PROPOSED'>, by: string, at: Date, reason: string | null): Promise<void> {
    await m.query('UPDATE target SET status = $2, decided_by = $3, decided_at = $4, decision_reason = $5 WHERE id = $1', [id, status, by, at, reason]);
  }

  /** An employee's targets whose period overlaps [from, to] (all when null), annual before monthly, oldest first. */
  async list(nip: string, from: string | null, to: string | null): Promise<TargetResponse[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM target t WHERE t.nip = $1 AND ($2::date IS NULL OR (t.period_start <= $3 AND t.period_end >= $2))
       ORDER BY t.period_start, length(t.period), t.created_at, t.id LIMIT 1000`,
      [nip, from, to],
    )) as TargetRow[];
    return rows.map(withPercent);
  }

  async forEntry(id: string): Promise<TargetForEntry | null> {
    const [row] = (await this.dataSource.query('SELECT nip, status, period, catalogue_codes FROM target WHERE id = $1', [id])) as {
      nip: string;
      status: TargetStatus;
      period: string;
      catalogue_codes: string[];
    }[];
    return row ? { nip: row.nip, status: row.status, period: row.period, catalogueCodes: row.catalogue_codes } : null;
  }
}
