import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JobViewResponse } from '@app/service-kit';

export class MonthStatusResponse {
  @ApiProperty({ example: '2026-06' }) month!: string;
  @ApiProperty() closed!: boolean;
  @ApiProperty({ description: 'A close is under way' }) closing!: boolean;
  @ApiProperty({ type: Date, nullable: true }) closedAt!: Date | null;
  @ApiProperty({ description: 'Employees with a published score' }) employees!: number;
  @ApiProperty({ description: 'Of them, corrected after closing (version > 1)' }) corrected!: number;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Admins only' }) closedBy?: string | null;
  @ApiPropertyOptional({ type: [JobViewResponse], description: 'Admins only: the close runs' }) runs?: JobViewResponse[];
}
