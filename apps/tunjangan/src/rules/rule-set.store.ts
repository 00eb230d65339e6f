import { invalidInput } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { TppRules, TppRuleSet } from '../domain/tpp-rule-set';
import { tppRuleSetProblems } from './rule-set-problems';

export interface StoredRuleSet extends TppRuleSet {
  updatedBy: string;
  updatedAt: string;
}

type Queryable = Pick<DataSource | EntityManager, 'query'>;

interface Row {
  id: string;
  effective_from: string;
  effective_to: string | null;
  source: string;
  value: TppRules;
  updated_by: string;
  updated_at: Date;
}

const SELECT = `SELECT id, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, to_char(effective_to, 'YYYY-MM-DD') AS effective_to,
                       source, value, updated_by, updated_at FROM tpp_rule_set`;

const stored = (r: Row): StoredRuleSet => ({
  id: r.id,
  effectiveFrom: r.effective_from,
  effectiveTo: r.effective_to,
  source: r.source,
  value: r.value,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at.toISOString(),
});

/**
 * The TPP rule sets, one per first day of effect. A month is paid under the version in force on its
 * first day (domain ruleSetForMonth), so an edit changes months from its date on and none before.
 */
@Injectable()
export class RuleSetStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(db: Queryable = this.dataSource): Promise<StoredRuleSet[]> {
    return ((await db.query(`${SELECT} ORDER BY effective_from`)) as Row[]).map(stored);
  }

  /** Adds the version taking effect on `effectiveFrom`, or replaces it (keeping its id), after the domain has judged it. */
  async put(effectiveFrom: string, effectiveTo: string | null, source: string, value: unknown, by: string): Promise<StoredRuleSet> {
    const problems = tppRuleSetProblems(effectiveFrom, effectiveTo, value);
    if (problems.length > 0) throw invalidInput(problems);
    const [row] = (await this.dataSource.query(
      `INSERT INTO tpp_rule_set (effective_from, id, effective_to, source, value, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (effective_from) DO UPDATE SET effective_to = $3, source = $4, value = $5, updated_by = $6, updated_at = now()
       RETURNING id, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, to_char(effective_to, 'YYYY-MM-DD') AS effective_to,
                 source, value, updated_by, updated_at`,
      [effectiveFrom, `tpp-${effectiveFrom}`, effectiveTo, source, JSON.stringify(value), by],
    )) as Row[];
    return stored(row);
  }
}
