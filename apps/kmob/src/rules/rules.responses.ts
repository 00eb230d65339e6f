import { ApiProperty } from '@nestjs/swagger';
import type { Holiday, StoredRule } from './rule-store';
import { RULE_KINDS, type RuleKind } from './rule-validation';

/** Response shapes of the rule and holiday routes (OpenAPI; the portal's types are generated from them). */

export class RuleVersionResponse implements StoredRule {
  @ApiProperty({ enum: RULE_KINDS }) kind!: RuleKind;
  @ApiProperty({ description: "'' for the province; a unit code for a unit's own schedule" }) scope!: string;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ description: 'The regulation or decision that set these figures' }) source!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The figures; their shape depends on the kind' }) value!: unknown;
  @ApiProperty() updatedBy!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class HolidayResponse implements Holiday {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: ['LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_DAERAH'] }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty() source!: string;
}

export class HolidaySetResponse implements Omit<Holiday, 'source'> {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: ['LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_DAERAH'] }) kind!: string;
  @ApiProperty() name!: string;
}
