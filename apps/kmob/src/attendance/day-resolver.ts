import { createHash } from 'node:crypto';
import type { DisciplineSummaryEventData } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { datesOfMonth } from '../common/local-clock';
import type { DisciplineRules } from '../domain/discipline-rules';
import type { EffectiveRule } from '../domain/effective-rules';
import { resolveEmployeeMonth, summariseEmployeeMonth, type EmployeeMonthFacts, type ResolvedDay } from '../domain/month-resolution';
import { RuleStore } from '../rules/rule-store';

export type { ResolvedDay } from '../domain/month-resolution';

export type MonthSummary = Omit<DisciplineSummaryEventData, 'version'> & { rulesSource: string; days: ResolvedDay[] };

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/**
 * Employees' days of a month: the facts are loaded in bulk here (a handful of queries for any number of
 * employees: transfer history, check-ins, approved requests, calendar, rules), and decided by the pure
 * rules of domain/month-resolution.
 */
@Injectable()
export class DayResolver {
  constructor(
    private readonly rules: RuleStore,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Days through `until` (inclusive; the whole month when omitted), per NIP; `today` is still open. Inside a transaction when `db` is one. */
  async resolve(
    nips: string[],
    month: string,
    options: { until?: string; today?: string } = {},
    db: Queryable = this.dataSource,
  ): Promise<Map<string, ResolvedDay[]>> {
    const dates = datesOfMonth(month).filter((d) => !options.until || d <= options.until);
    const result = new Map<string, ResolvedDay[]>(nips.map((n) => [n, []]));
    if (dates.length === 0 || nips.length === 0) return result;
    const { facts, calendar, disciplineVersions } = await this.load(db, nips, dates[0], dates[dates.length - 1]);
    for (const nip of nips) result.set(nip, resolveEmployeeMonth(facts.get(nip)!, dates, calendar, disciplineVersions, options.today));
    return result;
  }

  /** The discipline rules that cap a month: those in force on its last day. */
  monthRules(month: string, db: Queryable = this.dataSource): Promise<EffectiveRule<DisciplineRules>> {
    return this.rules.discipline(datesOfMonth(month).at(-1)!, db);
  }

  summarise(nip: string, month: string, days: ResolvedDay[], rules: EffectiveRule<DisciplineRules>): MonthSummary {
    return { nip, month, ...summariseEmployeeMonth(days, rules.value), rulesSource: rules.source, days };
  }

  /** One query after another: inside a transaction they share one connection, which runs a query at a time. */
  private async load(db: Queryable, nips: string[], from: string, to: string) {
    const spells = (await db.query(
      `SELECT nip, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, unit_code, unit_path FROM employee_unit WHERE nip = ANY($1) ORDER BY nip, valid_from`,
      [nips],
    )) as { nip: string; valid_from: string; unit_code: string | null; unit_path: string[] | null }[];
    const marks = (await db.query(
      `SELECT nip, to_char(work_date, 'YYYY-MM-DD') AS date,
              min(local_minute) FILTER (WHERE type = 'IN') AS first_in, max(local_minute) FILTER (WHERE type = 'OUT') AS last_out
       FROM check_in WHERE nip = ANY($1) AND work_date BETWEEN $2 AND $3 GROUP BY nip, work_date`,
      [nips, from, to],
    )) as { nip: string; date: string; first_in: number | null; last_out: number | null }[];
    const requests = (await db.query(
      `SELECT nip, type, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date
       FROM attendance_request WHERE nip = ANY($1) AND status = 'APPROVED' AND start_date <= $3 AND end_date >= $2`,
      [nips, from, to],
    )) as { nip: string; type: string; start_date: string; end_date: string }[];
    const calendar = await this.rules.calendar(from, to, db);
    const disciplineVersions = (await this.rules.list('discipline', db)) as EffectiveRule<DisciplineRules>[];
    const facts = new Map<string, EmployeeMonthFacts>(nips.map((nip) => [nip, { spells: [], marks: new Map(), approved: [] }]));
    for (const s of spells) facts.get(s.nip)?.spells.push({ validFrom: s.valid_from, unitCode: s.unit_code, unitPath: s.unit_path });
    for (const m of marks) facts.get(m.nip)?.marks.set(m.date, { firstIn: m.first_in, lastOut: m.last_out });
    for (const r of requests) facts.get(r.nip)?.approved.push({ type: r.type, start: r.start_date, end: r.end_date });
    return { facts, calendar, disciplineVersions };
  }
}

/** What an outside consumer receives: the summary without the day-by-day detail kept for the API. */
export function summaryEventData(summary: MonthSummary, version: number): DisciplineSummaryEventData {
  const { nip, month, counts, deductionPercent, units, contributingDays } = summary;
  return { nip, month, version, counts, deductionPercent, units, contributingDays };
}

export function summaryDigest(summary: MonthSummary): string {
  return createHash('sha256')
    .update(JSON.stringify(summaryEventData(summary, 0)))
    .digest('hex');
}
