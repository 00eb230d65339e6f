import { ApiError, invalidInput } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { nearestRuleOn, ruleOn, type EffectiveRule, type ScopedRule } from './effective-rules';
import type { NormRule, RuleKind, UnitNormRule, WorkdayRule } from './rule-kinds';
import { ruleProblems } from './rule-validation';

export interface StoredRule<T = unknown> extends ScopedRule<T> {
  kind: RuleKind;
  updatedBy: string;
  updatedAt: string;
}

/** A day off for everyone: a national holiday, cuti bersama or a regional holiday. */
export interface Holiday {
  date: string;
  kind: string;
  name: string;
  source: string;
}

/** What the rules in force say about one working day of one unit, for an entry. */
export interface EntryDayRules {
  /** The cut-off as minutes since local midnight (16:00 is 960), the unit's own if it has one. */
  cutoffMinute: number;
  workingDay: boolean;
  /** The day's working minutes by its schedule; 0 on a day off. */
  workingMinutes: number;
  /** The province's norm in force that day (deadline, what unverified entries count as). */
  norm: EffectiveRule<NormRule>;
}

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** The versions entryDayRules chooses from. */
export interface EntryRuleVersions {
  norms: StoredRule<NormRule | UnitNormRule>[];
  workdays: StoredRule<WorkdayRule>[];
}

/** No rule of a kind takes effect by a date: a 422 naming the date, distinguishable from a failing database. */
export class NoRuleInForce extends ApiError {
  constructor(kind: RuleKind, date: string) {
    super(422, `Belum ada aturan ${kind} yang berlaku pada ${date}; hubungi admin BKD`, [{ field: 'date', message: `belum ada aturan ${kind} yang berlaku` }]);
  }
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** ISO weekday of a YYYY-MM-DD date: 1 = Monday … 7 = Sunday. */
const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** What the rules in force say about `date` for a unit: the norm and cut-off, and the day's working minutes by its schedule unless it is a holiday. */
export function entryDayRules(rules: EntryRuleVersions, unitPath: readonly string[], date: string, holiday: boolean): EntryDayRules {
  const norm = ruleOn(
    rules.norms.filter((r) => r.scope === ''),
    date,
  ) as EffectiveRule<NormRule> | undefined;
  if (!norm) throw new NoRuleInForce('norm', date);
  const cutoff = nearestRuleOn(rules.norms, unitPath, date)!.value.cutoff;
  const workday = nearestRuleOn(rules.workdays, unitPath, date);
  if (!workday) throw new NoRuleInForce('workday', date);
  const hours = workday.value.days[String(isoWeekday(date))];
  const workingDay = !holiday && hours !== undefined;
  return { cutoffMinute: minutesOf(cutoff), workingDay, workingMinutes: workingDay ? hours.workingMinutes : 0, norm };
}

/**
 * Every figure TRK counts with (the norm, the cut-off, score weights, the SKP distribution, working
 * minutes, holidays) is a row here with the date it takes effect, so a Pergub changing a number is an
 * admin edit and a month keeps being judged by the numbers in force in it.
 *
 * Holidays follow K-Mob's calendar (kmob.calendar.v1, KmobCalendarProjection) and are not edited here.
 * Working minutes per weekday are still TRK's own copy of K-Mob's schedules, a known gap: K-Mob does
 * not publish its schedules yet, so both are edited together.
 */
@Injectable()
export class RuleStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(kind?: RuleKind, db: Queryable = this.dataSource): Promise<StoredRule[]> {
    const rows = (await db.query(
      `SELECT kind, scope, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, source, value, updated_by, updated_at
       FROM rule_version WHERE $1::text IS NULL OR kind = $1 ORDER BY kind, scope, effective_from`,
      [kind ?? null],
    )) as { kind: RuleKind; scope: string; effective_from: string; source: string; value: unknown; updated_by: string; updated_at: Date }[];
    return rows.map((r) => ({
      kind: r.kind,
      scope: r.scope,
      effectiveFrom: r.effective_from,
      source: r.source,
      value: r.value,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at.toISOString(),
    }));
  }

  async put(kind: RuleKind, scope: string, effectiveFrom: string, source: string, value: unknown, by: string): Promise<StoredRule> {
    const problems = ruleProblems(kind, value, scope !== '');
    if (problems.length > 0) throw invalidInput(problems);
    await this.dataSource.query(
      `INSERT INTO rule_version (kind, scope, effective_from, source, value, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (kind, scope, effective_from) DO UPDATE SET source = $4, value = $5, updated_by = $6, updated_at = now()`,
      [kind, scope, effectiveFrom, source, JSON.stringify(value), by],
    );
    return (await this.list(kind)).find((r) => r.scope === scope && r.effectiveFrom === effectiveFrom)!;
  }

  async remove(kind: RuleKind, scope: string, effectiveFrom: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query('DELETE FROM rule_version WHERE kind = $1 AND scope = $2 AND effective_from = $3', [
      kind,
      scope,
      effectiveFrom,
    ])) as [unknown, number];
    return count > 0;
  }

  /** The province's version of a kind in force on `date`. */
  async on<T>(kind: RuleKind, date: string, db: Queryable = this.dataSource): Promise<EffectiveRule<T>> {
    const rule = ruleOn((await this.list(kind, db)).filter((r) => r.scope === '') as EffectiveRule<T>[], date);
    if (!rule) throw new NoRuleInForce(kind, date);
    return rule;
  }

  /** Every version of the province's norm, to find each month's verification deadline without a query per month. */
  async provinceNorms(db: Queryable = this.dataSource): Promise<EffectiveRule<NormRule>[]> {
    return (await this.list('norm', db)).filter((r) => r.scope === '') as EffectiveRule<NormRule>[];
  }

  /** The cut-off, the working minutes and whether `date` is a working day, for a unit (nearest unit's rules first). */
  async entryDay(unitPath: readonly string[], date: string, db: Queryable = this.dataSource): Promise<EntryDayRules> {
    const [holiday] = (await db.query('SELECT 1 FROM holiday WHERE date = $1', [date])) as unknown[];
    return entryDayRules(await this.entryRules(db), unitPath, date, holiday !== undefined);
  }

  /** Every version of the rules an entry is judged by (norm with its cut-off, workday), in one query. */
  async entryRules(db: Queryable = this.dataSource): Promise<EntryRuleVersions> {
    const all = await this.list(undefined, db);
    return {
      norms: all.filter((r) => r.kind === 'norm') as StoredRule<NormRule | UnitNormRule>[],
      workdays: all.filter((r) => r.kind === 'workday') as StoredRule<WorkdayRule>[],
    };
  }

  holidays(year: number): Promise<Holiday[]> {
    return this.dataSource.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, source FROM holiday WHERE date BETWEEN $1 AND $2 ORDER BY date`, [
      `${year}-01-01`,
      `${year}-12-31`,
    ]) as Promise<Holiday[]>;
  }
}
