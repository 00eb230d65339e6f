import { preparedQuery } from '@app/service-kit';
import { SiapScope } from '@app/siap-read-model';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { EffectiveRule } from '../domain/effective-rules';
import type { RuleKind } from '../rules/rule-validation';

/** The check-in or check-out that decides the day so far: the first in, the last out. */
export interface DayMark {
  at: string;
  receivedAt: string;
  minute: number;
  deviceTime: boolean;
  source: string;
  locationName: string | null;
  distanceMeters: number | null;
}

/** One employee's facts of a day, read in one statement for any number of employees. */
export interface EmployeeDayFacts {
  nip: string;
  /** Known to K-Mob at all (SIAP's employee event has arrived). */
  known: boolean;
  /** The unit that day (from the decree's TMT); null when not in service. */
  unitPath: string[] | null;
  checkIn: DayMark | null;
  checkOut: DayMark | null;
  /** Pending and approved requests covering the day, approved first. */
  requests: { id: string; type: string; status: string }[];
  /** The day's holiday (the same on every row), if it is one. */
  holiday: string | null;
}

/** A schedule or discipline rule version, as today's view decides by it. */
export type DayRule<T = unknown> = EffectiveRule<T> & { kind: RuleKind; scope: string };

type DayRow = EmployeeDayFacts & { rules: DayRule[] | null };

/** Someone on an atasan's team or in a unit, as the read model knows them. */
export interface TeamMemberFacts {
  nip: string;
  name: string;
  unitCode: string;
  positionCode: string;
  positionName: string | null;
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const MARK = (type: 'IN' | 'OUT', order: 'ASC' | 'DESC') => `(
  SELECT json_build_object('at', ${ISO('c.at')}, 'receivedAt', ${ISO('COALESCE(c.received_at, c.at)')}, 'minute', c.local_minute,
                           'deviceTime', c.device_time, 'source', c.source, 'locationName', c.location_name, 'distanceMeters', c.distance_meters)
  FROM check_in c WHERE c.nip = q.nip AND c.work_date = $2 AND c.type = '${type}' ORDER BY c.local_minute ${order}, c.at ${order} LIMIT 1)`;

/**
 * The schedule and discipline rule versions today's status is decided by (rule_version, RuleStore's
 * table, a few rows), read with the facts so a phone's read is one round trip.
 */
const RULES = `(
  SELECT json_agg(json_build_object('kind', v.kind, 'scope', v.scope, 'effectiveFrom', to_char(v.effective_from, 'YYYY-MM-DD'), 'source', v.source, 'value', v.value)
                  ORDER BY v.kind, v.scope, v.effective_from)
  FROM rule_version v WHERE v.kind IN ('schedule', 'discipline'))`;

/**
 * A day's facts per employee of `employees` (rows of nip and ordinal n), each from an index: the unit
 * that day (employee_unit's key), the first check-in and last check-out (check_in by NIP and day), the
 * requests covering it (by NIP and start) and the holiday (by date); the rule versions on one row only
 * (the first employee's), wherever it comes in the result.
 */
const dayFactsSql = (employees: string) => `
  SELECT q.nip, e.nip IS NOT NULL AS known, s.unit_path AS "unitPath", ${MARK('IN', 'ASC')} AS "checkIn", ${MARK('OUT', 'DESC')} AS "checkOut",
    COALESCE((SELECT json_agg(json_build_object('id', r.id, 'type', r.type, 'status', r.status) ORDER BY r.status = 'APPROVED' DESC, r.created_at)
              FROM attendance_request r WHERE r.nip = q.nip AND r.status IN ('PENDING', 'APPROVED') AND r.start_date <= $2 AND r.end_date >= $2), '[]'::json) AS requests,
    (SELECT h.name FROM holiday h WHERE h.date = $2) AS holiday,
    CASE WHEN q.n = 1 THEN COALESCE(${RULES}, '[]'::json) END AS rules
  FROM ${employees}
  LEFT JOIN employee e ON e.nip = q.nip
  LEFT JOIN LATERAL (SELECT u.unit_path FROM employee_unit u WHERE u.nip = q.nip AND u.valid_from <= $2 ORDER BY u.valid_from DESC LIMIT 1) s ON true`;

/**
 * One employee (every phone's own read) apart from a team: a prepared statement keeps one plan for all
 * calls only when no call would be planned better, and PostgreSQL plans a one-element array better than
 * an array of unknown length, so with an array it would plan the rush's read anew each time.
 */
const ONE_EMPLOYEE_SQL = dayFactsSql('(SELECT $1::text AS nip, 1 AS n) q');
const EMPLOYEES_SQL = dayFactsSql('unnest($1::text[]) WITH ORDINALITY AS q(nip, n)');

const MEMBER_COLUMNS = `e.nip, e.name, e.unit_code AS "unitCode", e.position_code AS "positionCode", p.name AS "positionName"`;

/** Today's attendance of one employee or a team, read without resolving any month. */
@Injectable()
export class TodayStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The facts of `nips` (in their order) on `date`, and the rule versions that decide it, in one statement. */
  async day(nips: string[], date: string): Promise<{ facts: EmployeeDayFacts[]; rules: DayRule[] }> {
    if (nips.length === 0) return { facts: [], rules: [] };
    const rows =
      nips.length === 1
        ? await preparedQuery<DayRow>(this.dataSource, 'kmob-day-facts-one', ONE_EMPLOYEE_SQL, [nips[0], date])
        : await preparedQuery<DayRow>(this.dataSource, 'kmob-day-facts', EMPLOYEES_SQL, [nips, date]);
    return { facts: rows.map(({ rules: _rules, ...facts }) => facts), rules: rows.find((row) => row.rules !== null)?.rules ?? [] };
  }

  /** Direct subordinates in service: those whose atasan the caller is, as libs/siap-read-model decides. */
  async subordinates(atasanNip: string): Promise<TeamMemberFacts[]> {
    return (await this.dataSource.query(
      `SELECT ${MEMBER_COLUMNS} FROM employee e LEFT JOIN position p ON p.code = e.position_code
       WHERE e.status = 'AKTIF' AND e.nip <> $1 AND e.nip IN ${SiapScope.subordinatesOf('$1')}
       ORDER BY e.name, e.nip`,
      [atasanNip],
    )) as TeamMemberFacts[];
  }

  /** Employees in service of a unit and the units below it, at most `limit`. */
  async unitMembers(unitCode: string, limit: number): Promise<TeamMemberFacts[]> {
    return (await this.dataSource.query(
      `SELECT ${MEMBER_COLUMNS} FROM employee e LEFT JOIN position p ON p.code = e.position_code
       WHERE e.status = 'AKTIF' AND e.unit_path @> ARRAY[$1::text] ORDER BY e.name, e.nip LIMIT $2`,
      [unitCode, limit],
    )) as TeamMemberFacts[];
  }
}
