import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DisciplineSummaryEventData } from '@app/contracts';
import { JobViewResponse } from '@app/service-kit';
import { ContributingDayResponse, UnitShareResponse } from '../attendance/attendance.responses';

/** Response shapes of the month routes (OpenAPI; the portal's types are generated from them). */

export class MonthStatusResponse {
  @ApiProperty({ example: '2026-10' }) month!: string;
  @ApiProperty() closed!: boolean;
  @ApiProperty({ description: 'A close is under way' }) closing!: boolean;
  @ApiProperty({ type: Date, nullable: true }) closedAt!: Date | null;
  @ApiProperty({ description: 'Employees with a published summary' }) employees!: number;
  @ApiProperty({ description: 'Of them, corrected after closing (version > 1)' }) corrected!: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Admins only' }) closedBy?: string | null;
  @ApiPropertyOptional({ type: [JobViewResponse], description: 'Admins only: the close runs' }) runs?: JobViewResponse[];
}

export class PublishedSummaryResponse implements DisciplineSummaryEventData {
  @ApiProperty() nip!: string;
  @ApiProperty({ example: '2026-10' }) month!: string;
  @ApiProperty({ description: '1 at the close; each correction after it the next' }) version!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Days per status code' }) counts!: Record<string, number>;
  @ApiProperty() deductionPercent!: number;
  @ApiProperty({ type: [UnitShareResponse] }) units!: UnitShareResponse[];
  @ApiProperty({ type: [ContributingDayResponse] }) contributingDays!: ContributingDayResponse[];
  @ApiProperty({ type: Date }) publishedAt!: Date;
}
