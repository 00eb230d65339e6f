import { ApiError } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RuleStore } from '../rules/rule-store';

export interface RecapCounts {
  employees: number;
  present: number;
  late: number;
  onLeave: number;
  fieldDuty: number;
  notYetIn: number;
  /** Employees whose unit does not work that day (weekend or its own schedule). */
  off: number;
}

const OFF = -1;

/**
 * Per employee: field duty or leave (approved requests) first, then the first check-in against the
 * start of their unit's schedule (-1 = the unit does not work today), grouped by the unit one level
 * below the one asked for (the OPDs when none). One statement over the check-in index.
 */
const RECAP_SQL = `
  WITH emp AS (
    SELECT e.nip, e.unit_path,
      CASE WHEN $2::text IS NULL THEN e.unit_path[array_length(e.unit_path, 1)]
           WHEN array_position(e.unit_path, $2::text) = 1 THEN $2::text
           ELSE e.unit_path[array_position(e.unit_path, $2::text) - 1] END AS group_unit,
      COALESCE((SELECT s.start_minute FROM unnest($3::text[], $4::int[]) AS s(scope, start_minute)
                WHERE s.scope = ANY(e.unit_path) ORDER BY array_position(e.unit_path, s.scope) LIMIT 1), $5::int) AS start_minute
    FROM employee e WHERE e.status = 'AKTIF' AND ($2::text IS NULL OR e.unit_path @> ARRAY[$2::text])),
  first_in AS (SELECT nip, min(local_minute) AS minute FROM check_in WHERE work_date = $1 AND type = 'IN' GROUP BY nip),
  absence AS (
    SELECT nip, bool_or(type = 'DINAS_LUAR') AS field_duty, bool_or(type NOT IN ('DINAS_LUAR', 'WFH')) AS on_leave
    FROM attendance_request WHERE status = 'APPROVED' AND start_date <= $1 AND end_date >= $1 GROUP BY nip),
  categorised AS (
    SELECT emp.group_unit,
      CASE WHEN a.field_duty THEN 'fieldDuty' WHEN a.on_leave THEN 'onLeave'
           WHEN $6 OR emp.start_minute = ${OFF} THEN 'off'
           WHEN f.minute IS NULL THEN 'notYetIn'
           WHEN f.minute <= emp.start_minute THEN 'present' ELSE 'late' END AS category
    FROM emp LEFT JOIN first_in f ON f.nip = emp.nip LEFT JOIN absence a ON a.nip = emp.nip)
  SELECT c.group_unit AS "unitCode", u.name, count(*)::int AS employees,
    count(*) FILTER (WHERE category = 'present')::int AS present, count(*) FILTER (WHERE category = 'late')::int AS late,
    count(*) FILTER (WHERE category = 'onLeave')::int AS "onLeave", count(*) FILTER (WHERE category = 'fieldDuty')::int AS "fieldDuty",
    count(*) FILTER (WHERE category = 'notYetIn')::int AS "notYetIn", count(*) FILTER (WHERE category = 'off')::int AS off
  FROM categorised c LEFT JOIN unit u ON u.code = c.group_unit
  GROUP BY c.group_unit, u.name ORDER BY c.group_unit`;

/** BKD's live recap: who is in, late, on leave, on field duty or not yet in, per unit and in total, as of now. */
@Injectable()
export class RecapService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RuleStore,
  ) {}

  async recap(date: string, unitCode: string | null) {
    if (unitCode) {
      const [unit] = (await this.dataSource.query('SELECT 1 FROM unit WHERE code = $1', [unitCode])) as unknown[];
      if (!unit) throw new ApiError(404, `Unit ${unitCode} tidak ditemukan`);
    }
    const calendar = await this.rules.calendar(date, date);
    const scopes = calendar.scopesOn(date);
    const overrides = scopes.filter((s) => s.scope !== '');
    const fallback = scopes.find((s) => s.scope === '')?.startMinute ?? null;
    const holiday = calendar.holiday(date) ?? null;
    const units = (await this.dataSource.query(RECAP_SQL, [
      date,
      unitCode,
      overrides.map((s) => s.scope),
      overrides.map((s) => s.startMinute ?? OFF),
      fallback ?? OFF,
      holiday !== null,
    ])) as ({ unitCode: string; name: string | null } & RecapCounts)[];
    const total: RecapCounts = { employees: 0, present: 0, late: 0, onLeave: 0, fieldDuty: 0, notYetIn: 0, off: 0 };
    for (const unit of units) for (const key of Object.keys(total) as (keyof RecapCounts)[]) total[key] += unit[key];
    return { date, unitCode, asOf: new Date().toISOString(), holiday, units, total };
  }
}
