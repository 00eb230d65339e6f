import { DateField, TextField } from '@app/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, MinLength } from 'class-validator';

export class TppRuleSetDto {
  @ApiProperty({ description: 'The regulation or decision that sets these figures (shown when a figure is explained)' })
  @TextField(4000)
  @MinLength(3, { message: '$minimal 3 karakter' })
  source!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'The last day it applies; null or left out while open' })
  @IsOptional()
  @DateField()
  effectiveTo?: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The figures, shaped as the seeded version of GET /rule-sets (ceilings, components, status factors, penalties, exclusions, proration, BPJS, PPh)',
  })
  @IsObject({ message: '$harus berupa objek' })
  value!: Record<string, unknown>;
}
