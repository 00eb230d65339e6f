import { CalendarEvents, type HolidaySetEventData } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { ApiError, invalidInput } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { WorkCalendar, type ScheduleRule } from '../domain/work-calendar';
import type { DisciplineRules } from '../domain/discipline-rules';
import { ruleOn, type EffectiveRule } from '../domain/effective-rules';
import { ruleProblems, type RuleKind } from './rule-validation';

export interface StoredRule<T = unknown> extends EffectiveRule<T> {
  kind: RuleKind;
  scope: string;
  updatedBy: string;
  updatedAt: string;
}

/** Per request type: the longest span, how far before and after today it may start or end, service required. */
export interface RequestTypeLimit {
  maxCalendarDays: number;
  maxDaysBack: number;
  maxDaysAhead: number;
  minServiceYears?: number;
}
export type LeaveTypeLimits = Record<string, RequestTypeLimit>;

/** A day off for everyone: a national holiday, cuti bersama or a regional holiday. */
export interface Holiday {
  date: string;
  kind: string;
  name: string;
  source: string;
}

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** No rule of a kind takes effect by a date: a 422 for whoever asked, and distinguishable from a failing database. */
export class NoRuleInForce extends ApiError {
  constructor(kind: RuleKind, date: string) {
    super(422, `Belum ada aturan ${kind} yang berlaku pada ${date}`);
  }
}

/**
 * Every figure K-Mob counts with (bands, leave days, working hours, holidays) is a row here with the
 * date it takes effect, so a Pergub changing a number is an admin edit, and a month keeps being
 * computed with the numbers that were in force in it.
 */
@Injectable()
export class RuleStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

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
    const problems = ruleProblems(kind, value);
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

  async on<T>(kind: RuleKind, date: string, db: Queryable = this.dataSource): Promise<EffectiveRule<T>> {
    const rule = ruleOn((await this.list(kind, db)).filter((r) => r.scope === '') as EffectiveRule<T>[], date);
    if (!rule) throw new NoRuleInForce(kind, date);
    return rule;
  }

  discipline(date: string, db?: Queryable): Promise<EffectiveRule<DisciplineRules>> {
    return this.on<DisciplineRules>('discipline', date, db);
  }

  leaveTypes(date: string, db?: Queryable): Promise<EffectiveRule<LeaveTypeLimits>> {
    return this.on<LeaveTypeLimits>('leave-types', date, db);
  }

  holidays(year: number): Promise<Holiday[]> {
    return this.dataSource.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, source FROM holiday WHERE date BETWEEN $1 AND $2 ORDER BY date`, [
      `${year}-01-01`,
      `${year}-12-31`,
    ]) as Promise<Holiday[]>;
  }

  /** Announced on kmob.calendar.v1 in the same transaction: TRK's working days follow K-Mob's calendar. */
  async putHoliday(h: Holiday): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO holiday (date, kind, name, source) VALUES ($1, $2, $3, $4) ON CONFLICT (date) DO UPDATE SET kind = $2, name = $3, source = $4`,
        [h.date, h.kind, h.name, h.source],
      );
      // The DTO admits only the contract's kinds, and the outbox checks the payload against the contract again.
      await this.outbox.publish(m, CalendarEvents.holidaySet, { key: h.date, data: h as HolidaySetEventData });
    });
  }

  async removeHoliday(date: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [, count] = (await m.query('DELETE FROM holiday WHERE date = $1', [date])) as [unknown, number];
      if (count > 0) await this.outbox.publish(m, CalendarEvents.holidayRemoved, { key: date, data: { date } });
      return count > 0;
    });
  }

  /** Schedules of every scope and the holidays between two dates. */
  async calendar(from: string, to: string, db: Queryable = this.dataSource): Promise<WorkCalendar> {
    const schedules = (await this.list('schedule', db)) as StoredRule<ScheduleRule>[];
    const holidays = (await db.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, name FROM holiday WHERE date BETWEEN $1 AND $2`, [from, to])) as {
      date: string;
      name: string;
    }[];
    return new WorkCalendar(schedules, new Map(holidays.map((h) => [h.date, h.name])));
  }
}
