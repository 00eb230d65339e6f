import { SiapScope } from '@app/siap-read-model';
import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { ApprovedRequest } from '../domain/approved-requests';
import type { ServiceSpell } from '../domain/score-facts';
import { ACHIEVED_SQL } from '../targets/target.store';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

export interface KmobMonthRow {
  version: number;
  workingDays: number;
  counts: Record<string, number>;
}

export interface MinuteTotals {
  /** Approved entries' minutes and reduced entries' reduced minutes. */
  approved: number;
  pending: number;
  pendingEntries: number;
}

export interface MonthTarget {
  id: string;
  nip: string;
  title: string;
  quantity: number;
  outputUnit: string;
  achieved: number;
  pendingQuantity: number;
}

const byNip = <T extends { nip: string }, V>(rows: T[], value: (row: T) => V) => new Map(rows.map((r) => [r.nip, value(r)]));

/**
 * The facts of many employees' month, one statement per kind of fact whatever the number of
 * employees: the month close reads a batch of a thousand in a handful of round trips.
 */
@Injectable()
export class ScoreFactsStore {
  /** SIAP's type of each employee's position, null when TRK's copy lacks the position. */
  async positionTypes(db: Queryable, nips: string[]): Promise<Map<string, string | null>> {
    const rows = (await db.query('SELECT e.nip, p.type FROM employee e LEFT JOIN position p ON p.code = e.position_code WHERE e.nip = ANY($1)', [nips])) as {
      nip: string;
      type: string | null;
    }[];
    return byNip(rows, (r) => r.type);
  }

  /** Each employee's spells of service up to `lastDay`, in date order. */
  async spells(db: Queryable, nips: string[], lastDay: string): Promise<Map<string, ServiceSpell[]>> {
    const rows = (await db.query(
      `SELECT nip, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, unit_path FROM employee_unit WHERE nip = ANY($1) AND valid_from <= $2 ORDER BY nip, valid_from`,
      [nips, lastDay],
    )) as { nip: string; valid_from: string; unit_path: string[] | null }[];
    const spells = new Map<string, ServiceSpell[]>();
    for (const r of rows) spells.set(r.nip, [...(spells.get(r.nip) ?? []), { validFrom: r.valid_from, unitPath: r.unit_path }]);
    return spells;
  }

  async kmobMonths(db: Queryable, nips: string[], month: string): Promise<Map<string, KmobMonthRow>> {
    const rows = (await db.query('SELECT nip, version, working_days, counts FROM kmob_month WHERE month = $1 AND nip = ANY($2)', [month, nips])) as {
      nip: string;
      version: number;
      working_days: number;
      counts: Record<string, number>;
    }[];
    return byNip(rows, (r) => ({ version: r.version, workingDays: r.working_days, counts: r.counts }));
  }

  /** K-Mob's approved requests overlapping the days from `firstDay` to `lastDay`, whatever their type. */
  async approvedRequests(db: Queryable, nips: string[], firstDay: string, lastDay: string): Promise<Map<string, ApprovedRequest[]>> {
    const rows = (await db.query(
      `SELECT nip, type, to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate"
       FROM kmob_request WHERE nip = ANY($1) AND start_date <= $3 AND end_date >= $2`,
      [nips, firstDay, lastDay],
    )) as (ApprovedRequest & { nip: string })[];
    const requests = new Map<string, ApprovedRequest[]>();
    for (const { nip, ...r } of rows) requests.set(nip, [...(requests.get(nip) ?? []), r]);
    return requests;
  }

  async minutes(db: Queryable, nips: string[], firstDay: string, lastDay: string): Promise<Map<string, MinuteTotals>> {
    const rows = (await db.query(
      `SELECT nip, coalesce(sum(verified_minutes) FILTER (WHERE status IN ('APPROVED', 'REDUCED')), 0)::int AS approved,
              coalesce(sum(minutes) FILTER (WHERE status = 'PENDING'), 0)::int AS pending, count(*) FILTER (WHERE status = 'PENDING')::int AS pending_entries
       FROM activity WHERE nip = ANY($1) AND activity_date BETWEEN $2 AND $3 GROUP BY nip`,
      [nips, firstDay, lastDay],
    )) as { nip: string; approved: number; pending: number; pending_entries: number }[];
    return byNip(rows, (r) => ({ approved: r.approved, pending: r.pending, pendingEntries: r.pending_entries }));
  }

  /** The agreed monthly targets of the month, with their approved and pending outputs. */
  async monthTargets(db: Queryable, nips: string[], month: string): Promise<Map<string, MonthTarget[]>> {
    const rows = (await db.query(
      `SELECT t.id, t.nip, t.title, t.quantity, t.output_unit AS "outputUnit", ${ACHIEVED_SQL('t', `'APPROVED', 'REDUCED'`)} AS achieved,
              ${ACHIEVED_SQL('t', `'PENDING'`)} AS "pendingQuantity"
       FROM target t WHERE t.nip = ANY($1) AND t.period = $2 AND t.status = 'AGREED' ORDER BY t.nip, t.created_at, t.id`,
      [nips, month],
    )) as MonthTarget[];
    const targets = new Map<string, MonthTarget[]>();
    for (const t of rows) targets.set(t.nip, [...(targets.get(t.nip) ?? []), t]);
    return targets;
  }

  /** Each atasan's direct subordinates now (SiapScope), for those of `nips` who have any. */
  async subordinates(db: Queryable, nips: string[]): Promise<Map<string, string[]>> {
    const rows = (await db.query(
      `SELECT b.nip AS atasan, s.nip FROM unnest($1::text[]) AS b(nip) CROSS JOIN LATERAL ${SiapScope.subordinatesOf('b.nip')} AS s WHERE s.nip <> b.nip`,
      [nips],
    )) as { atasan: string; nip: string }[];
    const subordinates = new Map<string, string[]>();
    for (const r of rows) subordinates.set(r.atasan, [...(subordinates.get(r.atasan) ?? []), r.nip]);
    return subordinates;
  }

  /** The current atasan of each of `nips` that has one. */
  async atasans(db: Queryable, nips: string[]): Promise<string[]> {
    const rows = (await db.query(`SELECT DISTINCT ${SiapScope.atasanOf('e')} AS nip FROM employee e WHERE e.nip = ANY($1)`, [nips])) as {
      nip: string | null;
    }[];
    return rows.filter((r) => r.nip !== null).map((r) => r.nip!.trim());
  }

  /** The holidays among `dates`. */
  async holidays(db: Queryable, firstDay: string, lastDay: string): Promise<Set<string>> {
    const rows = (await db.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holiday WHERE date BETWEEN $1 AND $2`, [firstDay, lastDay])) as {
      date: string;
    }[];
    return new Set(rows.map((r) => r.date));
  }

  /** Whether the month is closed or being closed: then its unverified entries are settled as the norm rule says. */
  async closing(db: Queryable, month: string): Promise<boolean> {
    return ((await db.query('SELECT 1 FROM month_close WHERE month = $1', [month])) as unknown[]).length > 0;
  }
}
