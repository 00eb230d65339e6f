import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** The TER table (PP 58/2023) and the annual recalculation's rules (pph21-annual.json), each a list of versions. */
export const TAX_RULE_KINDS = ['ter', 'pasal17Bands', 'ptkp', 'biayaJabatan', 'pensionContribution', 'pkpRounding'] as const;
export type TaxRuleKind = (typeof TAX_RULE_KINDS)[number];

export interface TaxRuleVersion {
  kind: TaxRuleKind;
  effectiveFrom: string;
  source: string;
  value: unknown;
  updatedBy: string;
  updatedAt: string;
}

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/**
 * The tax rules as seeded from the reviewed files; read-only for now. They change by national
 * regulation, and a new version is added the same way (a row with its first day), never by editing one.
 */
@Injectable()
export class TaxRuleStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(kind?: TaxRuleKind, db: Queryable = this.dataSource): Promise<TaxRuleVersion[]> {
    const rows = (await db.query(
      `SELECT kind, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, source, value, updated_by, updated_at
       FROM tax_rule_version WHERE $1::text IS NULL OR kind = $1 ORDER BY kind, effective_from`,
      [kind ?? null],
    )) as { kind: TaxRuleKind; effective_from: string; source: string; value: unknown; updated_by: string; updated_at: Date }[];
    return rows.map((r) => ({
      kind: r.kind,
      effectiveFrom: r.effective_from,
      source: r.source,
      value: r.value,
      updatedBy: r.updated_by,
      updatedAt: r.updated_at.toISOString(),
    }));
  }
}
