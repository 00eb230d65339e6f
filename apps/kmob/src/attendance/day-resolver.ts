import { createHash } from 'node:crypto';
import type { DisciplineDay, DisciplineSummaryEventData, DisciplineUnitShare, RequestType } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { datesOfMonth, hhmm } from '../common/local-clock';
import { resolveDay, summariseMonth, type ApprovedAbsence, type DayResult } from '../domain/day-status';
import type { DisciplineRules } from '../rules/discipline-rules';
import { ruleOn, type EffectiveRule } from '../rules/effective-rules';
import { RuleStore } from '../rules/rule-store';

export interface ResolvedDay extends DayResult {
  date: string;
  unitCode: string;
  checkIn: string | null;
  checkOut: string | null;
  holiday: string | null;
  request: RequestType | null;
}

export type MonthSummary = Omit<DisciplineSummaryEventData, 'version'> & { rulesSource: string; days: ResolvedDay[] };

type Queryable = Pick<DataSource | EntityManager, 'query'>;

const ABSENCE_OF: Partial<Record<RequestType, ApprovedAbsence>> = {
  DINAS_LUAR: 'DINAS_LUAR',
  IZIN: 'IZIN',
  SAKIT: 'SAKIT',
  CUTI_TAHUNAN: 'CUTI',
  CUTI_BESAR: 'CUTI',
  CUTI_SAKIT: 'CUTI',
  CUTI_MELAHIRKAN: 'CUTI',
  CUTI_ALASAN_PENTING: 'CUTI',
  CLTN: 'CUTI',
  // WFH is not an absence: the employee still checks in, from anywhere.
};

interface UnitSpell {
  validFrom: string;
  unitCode: string | null;
  unitPath: string[] | null;
}

/**
 * Resolves employees' days of a month in bulk (a handful of queries for any number of employees): the unit of
 * each day from the transfer history, that unit's schedule and the holidays, approved requests, the
 * first check-in and last check-out, and the discipline rules in force that day.
 */
@Injectable()
export class DayResolver {
  constructor(private readonly rules: RuleStore) {}

  /** Days through `until` (inclusive; the whole month when omitted), per NIP; `today` is still open. */
  async resolve(db: Queryable, nips: string[], month: string, options: { until?: string; today?: string } = {}): Promise<Map<string, ResolvedDay[]>> {
    const dates = datesOfMonth(month).filter((d) => !options.until || d <= options.until);
    const result = new Map<string, ResolvedDay[]>(nips.map((n) => [n, []]));
    if (dates.length === 0 || nips.length === 0) return result;
    const [from, to] = [dates[0], dates[dates.length - 1]];
    // One after another: inside a transaction they share one connection, which runs a query at a time.
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
    )) as { nip: string; type: RequestType; start_date: string; end_date: string }[];
    const calendar = await this.rules.calendar(from, to, db);
    const disciplineVersions = (await this.rules.list('discipline', db)) as EffectiveRule<DisciplineRules>[];
    const spellsOf = groupBy(spells, (s) => s.nip);
    const marksOf = new Map(marks.map((m) => [`${m.nip}|${m.date}`, m]));
    const requestsOf = groupBy(requests, (r) => r.nip);
    for (const nip of nips) {
      const history: UnitSpell[] = (spellsOf.get(nip) ?? []).map((s) => ({ validFrom: s.valid_from, unitCode: s.unit_code, unitPath: s.unit_path }));
      const days = result.get(nip)!;
      for (const date of dates) {
        const spell = spellOn(history, date);
        if (!spell?.unitCode || !spell.unitPath) continue; // not (yet, or any longer) in service
        const rules = ruleOn(disciplineVersions, date);
        if (!rules) continue;
        const mark = marksOf.get(`${nip}|${date}`);
        const request = (requestsOf.get(nip) ?? []).find((r) => r.start_date <= date && date <= r.end_date && ABSENCE_OF[r.type]) ?? null;
        const dayOpen = date === options.today;
        if (dayOpen && !mark && !request) continue; // nothing to say about today yet
        const checkIn = mark?.first_in != null ? hhmm(mark.first_in) : null;
        const checkOut = mark?.last_out != null ? hhmm(mark.last_out) : null;
        const holiday = calendar.holiday(date) ?? null;
        const facts = {
          schedule: calendar.schedule(spell.unitPath, date),
          holiday: holiday !== null,
          approved: request ? ABSENCE_OF[request.type] : undefined,
          checkIn: checkIn ?? undefined,
          checkOut: checkOut ?? undefined,
          dayOpen,
        };
        days.push({ date, unitCode: spell.unitCode, checkIn, checkOut, holiday, request: request?.type ?? null, ...resolveDay(facts, rules.value) });
      }
    }
    return result;
  }

  /** The discipline rules that cap a month: those in force on its last day. */
  monthRules(db: Queryable, month: string): Promise<EffectiveRule<DisciplineRules>> {
    return this.rules.discipline(datesOfMonth(month).at(-1)!, db);
  }

  /** The month's counts and capped deduction, with each unit's share and the days that cost something. */
  summarise(nip: string, month: string, days: ResolvedDay[], rules: EffectiveRule<DisciplineRules>): MonthSummary {
    const { counts, deductionPercent } = summariseMonth(days, rules.value);
    const raw = days.reduce((sum, d) => sum + d.deductionPercent, 0);
    const scale = raw > 0 ? deductionPercent / raw : 0;
    const shares = new Map<string, DisciplineUnitShare>();
    for (const d of days) {
      const share = shares.get(d.unitCode) ?? { unitCode: d.unitCode, workingDays: 0, deductionPercent: 0 };
      if (d.status !== 'L') share.workingDays++;
      share.deductionPercent += d.deductionPercent * scale;
      shares.set(d.unitCode, share);
    }
    const units = [...shares.values()].map((s) => ({ ...s, deductionPercent: Math.round(s.deductionPercent * 100) / 100 }));
    const contributingDays: DisciplineDay[] = days
      .filter((d) => d.deductionPercent > 0)
      .map((d) => ({ date: d.date, unitCode: d.unitCode, status: d.status, minutesLate: d.minutesLate, minutesEarly: d.minutesEarly, deductionPercent: d.deductionPercent }));
    return { nip, month, counts, deductionPercent, units, contributingDays, rulesSource: rules.source, days };
  }
}

/** What an outside consumer receives: the summary without the day-by-day detail kept for the API. */
export function summaryEventData(summary: MonthSummary, version: number): DisciplineSummaryEventData {
  const { nip, month, counts, deductionPercent, units, contributingDays } = summary;
  return { nip, month, version, counts, deductionPercent, units, contributingDays };
}

export function summaryDigest(summary: MonthSummary): string {
  return createHash('sha256').update(JSON.stringify(summaryEventData(summary, 0))).digest('hex');
}

function spellOn(history: UnitSpell[], date: string): UnitSpell | undefined {
  let found: UnitSpell | undefined;
  for (const spell of history) if (spell.validFrom <= date) found = spell;
  return found;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}
