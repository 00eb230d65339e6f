import { HOLIDAY_KINDS } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { RULE_KINDS, type RuleKind } from './rule-kinds';
import type { Holiday, StoredRule } from './rule-store';

/** Response shapes of the rule and holiday routes (OpenAPI). */

export class RuleVersionResponse implements StoredRule {
  @ApiProperty({ enum: RULE_KINDS }) kind!: RuleKind;
  @ApiProperty({ description: "'' for the province; a unit code for a unit's own cut-off (norm) or working hours (workday)" }) scope!: string;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ description: 'The regulation or decision that sets these figures' }) source!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The figures; their shape depends on the kind' }) value!: unknown;
  @ApiProperty() updatedBy!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class HolidayResponse implements Holiday {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: [...HOLIDAY_KINDS] }) kind!: string;
  @ApiProperty() name!: string;
  @ApiProperty() source!: string;
}
