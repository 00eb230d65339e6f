import type { Identity } from '@app/auth';
import { Injectable } from '@nestjs/common';
import { hhmm } from '../common/local-clock';
import type { WorkSchedule } from '../domain/day-status';
import type { DisciplineRules } from '../domain/discipline-rules';
import { ruleOn, type EffectiveRule } from '../domain/effective-rules';
import { resolveToday } from '../domain/today';
import { WorkCalendar, type ScheduleRule } from '../domain/work-calendar';
import { TodayStore, type DayMark, type DayRule, type EmployeeDayFacts, type TeamMemberFacts } from './today.store';

/** A check-in or check-out as today's view shows it. */
export interface TodayMark {
  at: string;
  /** Local time (WITA) it counts at. */
  localTime: string;
  /** When the server received it; later than `at` for a check-in made without signal. */
  receivedAt: string;
  /** True when it counts at the phone's time (made without signal, sent later). */
  deviceTime: boolean;
  source: string;
  locationName: string | null;
  distanceMeters: number | null;
}

/** One employee's day so far (GET /attendance/today). */
export interface TodayView {
  nip: string;
  date: string;
  workingDay: boolean;
  holiday: string | null;
  checkIn: TodayMark | null;
  checkOut: TodayMark | null;
  /** Provisional: H, TL1–4, PSW1–4, DL, C, S, I or L; null while nothing decides the day yet. */
  status: string | null;
  /** An approved (else a pending) request covering the day. */
  request: { id: string; type: string; status: string } | null;
}

export type TeamMemberView = TodayView & Omit<TeamMemberFacts, 'nip'>;

/** The most people one team answer lists (a whole OPD can be thousands). */
export const TEAM_LIMIT = 2000;

const mark = (m: DayMark | null): TodayMark | null =>
  m && {
    at: m.at,
    localTime: hhmm(m.minute),
    receivedAt: m.receivedAt,
    deviceTime: m.deviceTime,
    source: m.source,
    locationName: m.locationName,
    distanceMeters: m.distanceMeters,
  };

/**
 * The day as it stands for one employee or a team: their facts, the day's holiday and the rule versions
 * (schedules, discipline) in one statement, then the pure decision of domain/today. No month is
 * resolved, and nothing is cached (a check-in shows at once): this is what every phone reads at 07:30.
 */
@Injectable()
export class AttendanceToday {
  constructor(private readonly store: TodayStore) {}

  /** Views in the order of `nips`; an employee K-Mob does not know is left out. One query, whatever the number of employees. */
  async views(nips: string[], date: string): Promise<TodayView[]> {
    const { facts: rows, rules: versions } = await this.store.day(nips, date);
    const facts = rows.filter((f) => f.known);
    if (facts.length === 0) return [];
    const holiday = facts[0].holiday;
    const calendar = new WorkCalendar(versions.filter((r) => r.kind === 'schedule') as DayRule<ScheduleRule>[], new Map(holiday ? [[date, holiday]] : []));
    const discipline = ruleOn(versions.filter((r) => r.kind === 'discipline' && r.scope === '') as EffectiveRule<DisciplineRules>[], date)?.value;
    return facts.map((f) => this.view(f, date, f.unitPath ? calendar.schedule(f.unitPath, date) : null, holiday, discipline));
  }

  /** An atasan's direct subordinates (none without the ATASAN role, as the scope rules read it), sorted by name. */
  async subordinates(who: Identity, date: string): Promise<TeamMemberView[]> {
    return who.roles.includes('ATASAN') ? this.withToday(await this.store.subordinates(who.nip), date) : [];
  }

  /** Everyone in service in a unit and below it, sorted by name: the first TEAM_LIMIT of them. */
  async unit(unitCode: string, date: string): Promise<TeamMemberView[]> {
    return this.withToday(await this.store.unitMembers(unitCode, TEAM_LIMIT), date);
  }

  private async withToday(members: TeamMemberFacts[], date: string): Promise<TeamMemberView[]> {
    const views = new Map(
      (
        await this.views(
          members.map((m) => m.nip),
          date,
        )
      ).map((v) => [v.nip, v]),
    );
    return members.filter((m) => views.has(m.nip)).map(({ nip, ...member }) => ({ ...views.get(nip)!, ...member }));
  }

  private view(f: EmployeeDayFacts, date: string, schedule: WorkSchedule | null, holiday: string | null, rules: DisciplineRules | undefined): TodayView {
    const checkIn = mark(f.checkIn);
    const checkOut = mark(f.checkOut);
    const { workingDay, status } = resolveToday(
      {
        inService: f.unitPath !== null,
        schedule,
        holiday,
        approvedTypes: f.requests.filter((r) => r.status === 'APPROVED').map((r) => r.type),
        checkIn: checkIn?.localTime ?? null,
        checkOut: checkOut?.localTime ?? null,
      },
      rules,
    );
    return { nip: f.nip, date, workingDay, holiday, checkIn, checkOut, status, request: f.requests[0] ?? null };
  }
}
