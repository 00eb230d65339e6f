import { SiapScope } from '@app/siap-read-model';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DAY_MINUTES_SQL } from './activity-entry.sql';
import type { ActivityResponse, ActivityStatus, PendingActivityResponse } from './activity.responses';

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const ACTIVITY_COLUMNS = `a.id, a.nip, to_char(a.activity_date, 'YYYY-MM-DD') AS date, a.unit_code AS "unitCode", a.catalogue_code AS "catalogueCode",
  a.catalogue_name AS "catalogueName", a.description, a.quantity, a.minutes, a.standard_minutes AS "standardMinutes", a.target_id AS "targetId",
  a.evidence_id AS "evidenceId", a.backdating_window_id AS "backdatingWindowId", a.status, a.verified_minutes AS "verifiedMinutes",
  a.decided_by AS "decidedBy", ${ISO('a.decided_at')} AS "decidedAt", a.decision_reason AS "decisionReason", ${ISO('a.created_at')} AS "createdAt"`;

const PENDING_ORDER = 'ORDER BY a.activity_date, a.created_at, a.id LIMIT 1000';

/** An atasan's inbox: their subordinates' pending entries, found from the atasan's side by index. $1 the caller. */
const PENDING_OF_ATASAN_SQL = `
  SELECT ${ACTIVITY_COLUMNS}, e.name FROM activity a JOIN employee e ON e.nip = a.nip
  WHERE a.nip IN ${SiapScope.subordinatesOf('$1')} AND a.status = 'PENDING' AND a.nip <> $1
  ${PENDING_ORDER}`;

/**
 * BKD's or an operator's inbox: the atasan's, plus the entries of employees whose atasan position is
 * vacant, in the operator's units (or anywhere, for BKD). The employees are found first (a vacant
 * atasan is a property of the employee, not of each entry) and their pending entries by index, so
 * BKD's inbox stays quick with the whole province's entries pending (bench:trk). $2 admin, $3
 * operator, $4 the operator's unit.
 */
const PENDING_OF_MANAGER_SQL = `
  WITH theirs AS (
    SELECT sub.nip FROM ${SiapScope.subordinatesOf('$1')} AS sub
    UNION
    SELECT v.nip FROM employee v
    WHERE ($2 OR ($3 AND v.unit_path @> ARRAY[$4::text]))
      AND NOT EXISTS (SELECT 1 FROM employee h WHERE h.position_code = v.supervisor_position_code AND h.status = 'AKTIF'))
  SELECT ${ACTIVITY_COLUMNS}, e.name FROM theirs JOIN activity a ON a.nip = theirs.nip JOIN employee e ON e.nip = a.nip
  WHERE a.status = 'PENDING' AND a.nip <> $1
  ${PENDING_ORDER}`;

/** An entry to verify, with its employee's scope facts as the read model has them now. */
export interface EntryToVerify {
  id: string;
  nip: string;
  status: ActivityStatus;
  minutes: number;
  unitPath: string[];
  atasanNip: string | null;
}

export interface Decision {
  status: Exclude<ActivityStatus, 'PENDING'>;
  /** The minutes that count for REDUCED; APPROVED counts the entry's own, REJECTED none. */
  reducedTo: number | null;
  reason: string | null;
  by: string;
  at: Date;
}

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** Every query on activity entries. */
@Injectable()
export class ActivityStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The unit an employee was in on `date` (from the decrees' TMT), or null when not in service that day. */
  async unitOn(nip: string, date: string): Promise<{ unitCode: string; unitPath: string[] } | null> {
    const [row] = (await this.dataSource.query(
      'SELECT unit_code, unit_path FROM employee_unit WHERE nip = $1 AND valid_from <= $2 ORDER BY valid_from DESC LIMIT 1',
      [nip, date],
    )) as { unit_code: string | null; unit_path: string[] | null }[];
    return row?.unit_code && row.unit_path ? { unitCode: row.unit_code, unitPath: row.unit_path } : null;
  }

  /** Minutes already entered for the day: pending ones as claimed, verified ones as they count; rejected ones not at all. */
  async dayMinutes(m: Queryable, nip: string, date: string): Promise<number> {
    const [{ total }] = (await m.query(`SELECT ${DAY_MINUTES_SQL('$1', '$2::date')}::int AS total`, [nip, date])) as { total: number }[];
    return total;
  }

  /** An employee's entries of a month, by day. */
  list(nip: string, month: string): Promise<ActivityResponse[]> {
    return this.dataSource.query(
      `SELECT ${ACTIVITY_COLUMNS} FROM activity a WHERE a.nip = $1 AND a.activity_date >= $2::date AND a.activity_date < ($2::date + interval '1 month')
       ORDER BY a.activity_date, a.created_at, a.id`,
      [nip, `${month}-01`],
    ) as Promise<ActivityResponse[]>;
  }

  async get(id: string): Promise<ActivityResponse | null> {
    const [row] = (await this.dataSource.query(`SELECT ${ACTIVITY_COLUMNS} FROM activity a WHERE a.id = $1`, [id])) as ActivityResponse[];
    return row ?? null;
  }

  /** The verification inbox of `nip`, oldest first (name and deadline are added by the caller). */
  pending(
    nip: string,
    manager: { admin: boolean; operator: boolean; unitCode: string } | null,
  ): Promise<Omit<PendingActivityResponse, 'verificationDeadline' | 'overdue'>[]> {
    if (!manager) return this.dataSource.query(PENDING_OF_ATASAN_SQL, [nip]);
    return this.dataSource.query(PENDING_OF_MANAGER_SQL, [nip, manager.admin, manager.operator, manager.unitCode]);
  }

  /**
   * The entries to verify, locked for the transaction in one statement (in id order, so two bulk
   * decisions over the same entries queue rather than deadlock), with who their atasan is now.
   */
  async lockForVerification(m: EntityManager, ids: string[]): Promise<EntryToVerify[]> {
    const rows = (await m.query(
      `SELECT a.id, a.nip, a.status, a.minutes, e.unit_path, ${SiapScope.atasanOf('e')} AS atasan_nip
       FROM activity a JOIN employee e ON e.nip = a.nip WHERE a.id = ANY($1::uuid[]) ORDER BY a.id FOR UPDATE OF a`,
      [ids],
    )) as { id: string; nip: string; status: ActivityStatus; minutes: number; unit_path: string[]; atasan_nip: string | null }[];
    return rows.map((r) => ({ id: r.id, nip: r.nip, status: r.status, minutes: r.minutes, unitPath: r.unit_path, atasanNip: r.atasan_nip?.trim() ?? null }));
  }

  /** Decides every entry in one statement. */
  async decide(m: EntityManager, ids: string[], d: Decision): Promise<ActivityResponse[]> {
    const [rows] = (await m.query(
      `UPDATE activity a SET status = $2,
         verified_minutes = CASE $2 WHEN 'APPROVED' THEN a.minutes WHEN 'REJECTED' THEN 0 ELSE $3::int END,
         decided_by = $4, decided_at = $5, decision_reason = $6
       WHERE a.id = ANY($1::uuid[]) AND a.status = 'PENDING' RETURNING ${ACTIVITY_COLUMNS}`,
      [ids, d.status, d.reducedTo, d.by, d.at, d.reason],
    )) as [ActivityResponse[], number];
    return rows;
  }

  async evidenceOf(id: string): Promise<{ nip: string; evidenceId: string | null } | null> {
    const [row] = (await this.dataSource.query('SELECT nip, evidence_id FROM activity WHERE id = $1', [id])) as { nip: string; evidence_id: string | null }[];
    return row ? { nip: row.nip, evidenceId: row.evidence_id } : null;
  }
}
