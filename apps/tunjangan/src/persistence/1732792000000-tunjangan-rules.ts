import type { MigrationInterface, QueryRunner } from 'typeorm';
import annualTax from '../rules/seed/pph21-annual.json';
import terTable from '../rules/seed/pph21-ter-pp58-2023.json';
import tppRuleSet from '../rules/seed/tpp-rule-set.json';

/** The annual recalculation's rules, each a list of versions in the seed (pph21-annual.json). */
const ANNUAL_KINDS = ['pasal17Bands', 'ptkp', 'biayaJabatan', 'pensionContribution', 'pkpRounding'] as const;

/**
 * The regulation's figures as effective-dated rows, seeded from the reviewed files in rules/seed: the
 * TPP rule set (changed by BKD admins through the API) and the tax rules (PP 58/2023 TER table, the
 * annual Pasal 17 rules), so a month is computed with the versions in force then.
 */
export class TunjanganRules1732792000000 implements MigrationInterface {
  name = 'TunjanganRules1732792000000';

  async up(q: QueryRunner): Promise<void> {
    // One version per first day; ruleSetForMonth picks the latest in force on a month's first day.
    await q.query(`
      CREATE TABLE tpp_rule_set (
        effective_from date PRIMARY KEY,
        id text NOT NULL UNIQUE,
        effective_to date,
        source text NOT NULL,
        value jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (effective_to IS NULL OR effective_to >= effective_from)
      )`);
    await q.query(`
      CREATE TABLE tax_rule_version (
        kind text NOT NULL,
        effective_from date NOT NULL,
        source text NOT NULL,
        value jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, effective_from)
      )`);

    await q.query(`INSERT INTO tpp_rule_set (effective_from, id, effective_to, source, value, updated_by) VALUES ($1, $2, $3, $4, $5, 'seed')`, [
      tppRuleSet.effectiveFrom,
      tppRuleSet.id,
      tppRuleSet.effectiveTo,
      tppRuleSet.source,
      JSON.stringify(tppRuleSet.value),
    ]);
    // The TER table keeps its categories and brackets together: terTableFrom checks them as one.
    const { categoryByPtkpStatus, tables, legalBasis } = terTable;
    await q.query(`INSERT INTO tax_rule_version (kind, effective_from, source, value, updated_by) VALUES ('ter', $1, $2, $3, 'seed')`, [
      terTable.effectiveFrom,
      legalBasis.join('; '),
      JSON.stringify({ categoryByPtkpStatus, tables }),
    ]);
    for (const kind of ANNUAL_KINDS) {
      for (const version of annualTax[kind]) {
        await q.query(`INSERT INTO tax_rule_version (kind, effective_from, source, value, updated_by) VALUES ($1, $2, $3, $4, 'seed')`, [
          kind,
          version.effectiveFrom,
          version.source,
          JSON.stringify(version.value),
        ]);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE tax_rule_version');
    await q.query('DROP TABLE tpp_rule_set');
  }
}
