import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { LocalClock } from '../common/clock';
import { monthlyScore, proratedNorm, type ScoreWeights } from '../domain/monthly-score';
import type { ApprovedRequest } from '../domain/approved-requests';
import {
  achievementPercent,
  countedMinutes,
  datesOfMonth,
  metNorm,
  normDays,
  pendingTreatment,
  pointsAddUp,
  scorePositionType,
  workingDatesInService,
  type ServiceSpell,
} from '../domain/score-facts';
import { nearestRuleOn, type EffectiveRule, type ScopedRule } from '../rules/effective-rules';
import type { NormRule, ScoreWeightRule, WorkdayRule } from '../rules/rule-kinds';
import { RuleStore } from '../rules/rule-store';
import { verificationDeadline } from '../activities/verification-deadline';
import { ScoreFactsStore, type KmobMonthRow, type MinuteTotals } from './score-facts.store';
import { explain } from './score-explanation';
import type { ComputedScore, NormFactsView } from './computed-score';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** Weights when the rules have none for a position type: the score is the activity alone, as before any blend. */
const ACTIVITY_ONLY: ScoreWeights = { activity: 100, target: 0, subordinates: 0 };
const NO_MINUTES: MinuteTotals = { approved: 0, pending: 0, pendingEntries: 0 };

/** The rules a month is judged by: those in force on its first day. */
interface MonthRules {
  norm: EffectiveRule<NormRule>;
  weights: EffectiveRule<ScoreWeightRule>;
  workingDatesOf: (unitPath: readonly string[]) => ReadonlySet<string>;
}

/**
 * LIVE answers one employee's question: the month is settled once closing has begun or the
 * verification deadline passed, and the answer carries its explanation and the team's figures even
 * where the rules weigh them at 0. PUBLISH is the close and its corrections, over thousands: settled,
 * and only what the published figures depend on (a team the rules weigh at 0 changes nothing).
 */
export type ScoreMode = 'LIVE' | 'PUBLISH';

/** What the norm and the minutes that count are for one employee, before any score. */
interface Base {
  norm: NormFactsView;
  daysInService: number;
  minutes: MinuteTotals;
  counted: number;
}

/**
 * The monthly score of many employees at once, from their facts (ScoreFactsStore) and the rules in
 * force, for the live answer (GET /scores), the month close and the corrections after it alike.
 */
@Injectable()
export class MonthScores {
  constructor(
    private readonly facts: ScoreFactsStore,
    private readonly rules: RuleStore,
    private readonly clock: LocalClock,
  ) {}

  /** Scores of those of `nips` in service in the month; the others are left out. */
  async compute(db: Queryable, nips: string[], month: string, mode: ScoreMode): Promise<Map<string, ComputedScore>> {
    const dates = datesOfMonth(month);
    const [firstDay, lastDay] = [dates[0], dates.at(-1)!];
    const rules = await this.monthRules(db, dates);
    const deadline = verificationDeadline(month, rules.norm.value.verificationDeadlineDay);
    const settled = mode === 'PUBLISH' || (await this.facts.closing(db, month)) || this.clock.today() > deadline;
    const treatment = pendingTreatment(settled, rules.norm.value.unverifiedAtClose);

    const types = await this.facts.positionTypes(db, nips);
    // Whom someone supervises matters where the rules weigh a team, or to tell a position type SIAP's copy lacks.
    const asked = nips.filter((nip) => mode === 'LIVE' || !types.get(nip) || (rules.weights.value[types.get(nip)!]?.subordinates ?? 0) > 0);
    const subordinates = asked.length > 0 ? await this.facts.subordinates(db, asked) : new Map<string, string[]>();
    const weighing = new Map(
      nips.map((nip) => {
        const position = scorePositionType(types.get(nip) ?? null, subordinates.has(nip));
        const ruled = rules.weights.value[position.type];
        return [nip, { position, ruled, weights: ruled ?? ACTIVITY_ONLY }];
      }),
    );
    // Subordinates' own facts are read only for the teams that count (or that are shown).
    const teams = new Set(nips.filter((nip) => subordinates.has(nip) && (mode === 'LIVE' || weighing.get(nip)!.weights.subordinates > 0)));
    const everyone = [...new Set([...nips, ...[...teams].flatMap((nip) => subordinates.get(nip)!)])];
    const spells = await this.facts.spells(db, everyone, lastDay);
    const kmob = await this.facts.kmobMonths(db, everyone, month);
    // Once K-Mob has closed an employee's month its day counts replace the requests, which are then not read.
    const open = everyone.filter((nip) => !kmob.has(nip));
    const requests = open.length > 0 ? await this.facts.approvedRequests(db, open, firstDay, lastDay) : new Map<string, ApprovedRequest[]>();
    const minutes = await this.facts.minutes(db, everyone, firstDay, lastDay);
    const targets = await this.facts.monthTargets(db, nips, month);
    const bases = new Map<string, Base>();
    for (const nip of everyone) {
      const base = this.base(rules, dates, spells.get(nip) ?? [], kmob.get(nip), requests.get(nip) ?? [], minutes.get(nip) ?? NO_MINUTES, treatment);
      if (base) bases.set(nip, base);
    }

    const scores = new Map<string, ComputedScore>();
    for (const nip of nips) {
      const base = bases.get(nip);
      if (!base) continue; // not in service that month
      const subs = teams.has(nip) ? subordinates.get(nip)! : [];
      const team = subs.length === 0 ? null : { total: 0, metNorm: 0 };
      for (const sub of subs) {
        const b = bases.get(sub);
        const met = b ? metNorm(b.counted, b.norm.proratedMinutes) : null;
        if (met === null || !team) continue;
        team.total++;
        if (met) team.metNorm++;
      }
      const { position, ruled, weights } = weighing.get(nip)!;
      const monthTargets = (targets.get(nip) ?? []).map(({ nip: _nip, ...t }) => {
        const achieved = t.achieved + (treatment === 'COUNTED' ? t.pendingQuantity : 0);
        return { ...t, achieved, achievementPercent: achievementPercent(achieved, t.quantity) };
      });
      const score = monthlyScore({
        approvedMinutes: base.counted,
        normMinutes: base.norm.proratedMinutes,
        targets: monthTargets.map((t) => ({ achieved: t.achieved, target: t.quantity })),
        subordinates: team,
        weights,
      });
      const computed: Omit<ComputedScore, 'explanation'> = {
        nip,
        month,
        score: score.score,
        components: score.components,
        partsAddUp: pointsAddUp(score),
        approvedMinutes: base.counted,
        verifiedMinutes: base.minutes.approved,
        pending: { minutes: base.minutes.pending, entries: base.minutes.pendingEntries, treatment, verificationDeadline: deadline },
        norm: base.norm,
        targets: monthTargets,
        subordinates: team,
        positionType: position.type,
        positionTypeSource: position.source,
        weights: { ...weights, inRules: ruled !== undefined, source: rules.weights.source, effectiveFrom: rules.weights.effectiveFrom },
      };
      scores.set(nip, { ...computed, explanation: mode === 'LIVE' ? explain(computed) : [] });
    }
    return scores;
  }

  private base(
    rules: MonthRules,
    dates: string[],
    spells: ServiceSpell[],
    kmob: KmobMonthRow | undefined,
    requests: ApprovedRequest[],
    minutes: MinuteTotals,
    treatment: ReturnType<typeof pendingTreatment>,
  ): Base | null {
    const { normMinutes, reducingStatuses } = rules.norm.value;
    const calendar = workingDatesInService(dates, spells, rules.workingDatesOf);
    if (!kmob && calendar.daysInService === 0) return null;
    const { workingDays, reducingDays, source } = normDays({ kmobMonth: kmob, workingDates: calendar.workingDates, requests, reducingStatuses });
    const norm: NormFactsView = {
      fullMinutes: normMinutes,
      workingDays,
      reducingDays,
      reducingStatuses,
      proratedMinutes: proratedNorm({ normMinutes, workingDays, reducingDays }),
      source,
      kmobVersion: kmob?.version ?? null,
      ruleSource: rules.norm.source,
      ruleEffectiveFrom: rules.norm.effectiveFrom,
    };
    return { norm, daysInService: calendar.daysInService, minutes, counted: countedMinutes(minutes.approved, minutes.pending, treatment) };
  }

  private async monthRules(db: Queryable, dates: string[]): Promise<MonthRules> {
    const [firstDay, lastDay] = [dates[0], dates.at(-1)!];
    const norm = await this.rules.on<NormRule>('norm', firstDay, db);
    const weights = await this.rules.on<ScoreWeightRule>('score-weights', firstDay, db);
    const workdays = (await this.rules.list('workday', db)) as ScopedRule<WorkdayRule>[];
    const holidays = await this.facts.holidays(db, firstDay, lastDay);
    // A few distinct unit paths among thousands of employees: each path's working dates are worked out once.
    const calendars = new Map<string, ReadonlySet<string>>();
    const workingDatesOf = (unitPath: readonly string[]) => {
      const key = unitPath.join('/');
      let working = calendars.get(key);
      if (!working) {
        working = new Set(
          dates.filter((date) => {
            const weekday = String(((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1);
            return !holidays.has(date) && nearestRuleOn(workdays, unitPath, date)?.value.days[weekday] !== undefined;
          }),
        );
        calendars.set(key, working);
      }
      return working;
    };
    return { norm, weights, workingDatesOf };
  }
}
