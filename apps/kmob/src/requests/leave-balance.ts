import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '@app/service-kit';
import { annualLeaveBalance, type AnnualLeaveRules } from '../domain/leave';
import { ruleOn, type EffectiveRule } from '../domain/effective-rules';
import { RuleStore } from '../rules/rule-store';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

export interface AnnualLeaveBalance {
  nip: string;
  year: number;
  entitlementDays: number;
  carriedOver: number;
  available: number;
  taken: number;
  pending: number;
  remaining: number;
  /** What can still be requested: remaining minus what waits for approval. */
  requestable: number;
  source: string;
}

/**
 * Annual leave per year: the entitlement of that year's rules plus what the previous year left unused,
 * within the carry-over limits. Years are walked from the first year with rules (or the employee's
 * first year of service), so a carry-over always rests on real figures.
 */
@Injectable()
export class LeaveBalances {
  constructor(
    private readonly rules: RuleStore,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Inside a request's transaction (`db`), or on its own. */
  async annual(nip: string, year: number, tmtCpns: string, db: Queryable = this.dataSource): Promise<AnnualLeaveBalance> {
    const versions = (await this.rules.list('annual-leave', db)).filter((v) => v.scope === '') as EffectiveRule<AnnualLeaveRules>[];
    const firstRuleYear = Math.min(...versions.map((v) => Number(v.effectiveFrom.slice(0, 4))));
    const from = Math.min(year, Math.max(firstRuleYear, Number(tmtCpns.slice(0, 4))));
    const usage = (await db.query(
      `SELECT extract(year FROM start_date)::int AS year,
              COALESCE(sum(working_days) FILTER (WHERE status = 'APPROVED'), 0)::int AS taken,
              COALESCE(sum(working_days) FILTER (WHERE status = 'PENDING'), 0)::int AS pending
       FROM attendance_request WHERE nip = $1 AND type = 'CUTI_TAHUNAN' AND start_date BETWEEN $2 AND $3 GROUP BY 1`,
      [nip, `${from}-01-01`, `${year}-12-31`],
    )) as { year: number; taken: number; pending: number }[];
    const byYear = new Map(usage.map((u) => [u.year, u]));
    let unused = 0;
    let balance: AnnualLeaveBalance | null = null;
    for (let y = from; y <= year; y++) {
      const rule = ruleOn(versions, `${y}-12-31`);
      if (!rule) throw new ApiError(422, `Belum ada aturan cuti tahunan yang berlaku pada ${y}`);
      const { taken = 0, pending = 0 } = byYear.get(y) ?? {};
      const b = annualLeaveBalance(rule.value, y === from ? 0 : unused, taken);
      balance = { nip, year: y, entitlementDays: rule.value.entitlementDays, ...b, taken, pending, requestable: b.remaining - pending, source: rule.source };
      unused = Math.max(0, b.remaining);
    }
    return balance!;
  }
}
