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
 * start of their unit's schedule (-1 = the unit does not work today: anyone in is present, the rest
 * off), grouped by the unit one level below the one asked for (the OPDs when none).
 *
 * The employee, check-in and request facts are gathered by one GROUP BY over their union rather than
 * joined: today's check-ins are not in the planner's statistics yet during the morning rush, and a join
 * planned on that estimate turned into a nested loop of 36,005² comparisons (1.2 s for 8,000 employees).
 */
const RECAP_SQL = `
  WITH facts AS (
    SELECT e.nip,
      CASE WHEN $2::text IS NULL THEN e.unit_path[array_length(e.unit_path, 1)]
           WHEN array_position(e.unit_path, $2::text) = 1 THEN $2::text
           ELSE e.unit_path[array_position(e.unit_path, $2::text) - 1] END AS group_unit,
      COALESCE((SELECT s.start_minute FROM unnest($3::text[], $4::int[]) AS s(scope, start_minute)
                WHERE s.scope = ANY(e.unit_path) ORDER BY array_position(e.unit_path, s.scope) LIMIT 1), $5::int) AS start_minute,
      NULL::int AS minute, false AS field_duty, false AS on_leave, true AS employed
    FROM employee e WHERE e.status = 'AKTIF' AND ($2::text IS NULL OR e.unit_path @> ARRAY[$2::text])
    UNION ALL
    SELECT nip, NULL, NULL, local_minute, false, false, false FROM check_in WHERE work_date = $1 AND type = 'IN'
    UNION ALL
    SELECT nip, NULL, NULL, NULL, type = 'DINAS_LUAR', type NOT IN ('DINAS_LUAR', 'WFH'), false
    FROM attendance_request WHERE status = 'APPROVED' AND start_date <= $1 AND end_date >= $1),
  per_employee AS (
    SELECT max(group_unit) AS group_unit, max(start_minute) AS start_minute, min(minute) AS minute,
           bool_or(field_duty) AS field_duty, bool_or(on_leave) AS on_leave
    FROM facts GROUP BY nip HAVING bool_or(employed)),
  categorised AS (
    SELECT group_unit,
      CASE WHEN field_duty THEN 'fieldDuty' WHEN on_leave THEN 'onLeave'
           WHEN minute IS NOT NULL AND ($6 OR start_minute = ${OFF} OR minute <= start_minute) THEN 'present'
           WHEN minute IS NOT NULL THEN 'late'
           WHEN $6 OR start_minute = ${OFF} THEN 'off'
           ELSE 'notYetIn' END AS category
    FROM per_employee),
  counts AS (
    SELECT group_unit, count(*)::int AS employees,
      count(*) FILTER (WHERE category = 'present')::int AS present, count(*) FILTER (WHERE category = 'late')::int AS late,
      count(*) FILTER (WHERE category = 'onLeave')::int AS "onLeave", count(*) FILTER (WHERE category = 'fieldDuty')::int AS "fieldDuty",
      count(*) FILTER (WHERE category = 'notYetIn')::int AS "notYetIn", count(*) FILTER (WHERE category = 'off')::int AS off
    FROM categorised GROUP BY group_unit)
  SELECT c.group_unit AS "unitCode", u.name, c.employees, c.present, c.late, c."onLeave", c."fieldDuty", c."notYetIn", c.off
  FROM counts c LEFT JOIN unit u ON u.code = c.group_unit ORDER BY c.group_unit`;

/** BKD's live recap: who is in, late, on leave, on field duty or not yet in, per unit and in total, as of now. */
@Injectable()
export class RecapService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RuleStore,
  ) {}

  /** `unitCode` must be a known unit (KmobAccess.unitPath). */
  async recap(date: string, unitCode: string | null) {
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
