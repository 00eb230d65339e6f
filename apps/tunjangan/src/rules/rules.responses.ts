import { ApiProperty } from '@nestjs/swagger';
import type { StoredRuleSet } from './rule-set.store';
import { TAX_RULE_KINDS, type TaxRuleKind, type TaxRuleVersion } from './tax-rule.store';
import type { TppRules } from '../domain/tpp-rule-set';

/** Response shapes of the rule routes (OpenAPI). */

export class TppRuleSetResponse implements StoredRuleSet {
  @ApiProperty({ description: 'Named on every TPP line computed with it' }) id!: string;
  @ApiProperty({ format: 'date', description: 'The first day it applies; a month is paid under the version in force on its first day' })
  effectiveFrom!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'The last day it applies; null while open' }) effectiveTo!: string | null;
  @ApiProperty({ description: 'The regulation or decision that sets these figures' }) source!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Ceilings per kelas and per jabatan, components and weights, status factors, penalties, exclusions, proration, BPJS and PPh (see the seeded version)',
  })
  value!: TppRules;
  @ApiProperty() updatedBy!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class TaxRuleVersionResponse implements TaxRuleVersion {
  @ApiProperty({ enum: TAX_RULE_KINDS }) kind!: TaxRuleKind;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ description: 'The regulation that sets these figures' }) source!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The figures; their shape depends on the kind' }) value!: unknown;
  @ApiProperty() updatedBy!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
