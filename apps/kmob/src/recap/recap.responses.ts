import { ApiProperty } from '@nestjs/swagger';
import type { RecapCounts } from './recap.service';

/** The live recap (GET /recap) as the OpenAPI document describes it. */

export class RecapCountsResponse implements RecapCounts {
  @ApiProperty() employees!: number;
  @ApiProperty({ description: 'In on time' }) present!: number;
  @ApiProperty() late!: number;
  @ApiProperty({ description: 'On approved leave, izin or sakit' }) onLeave!: number;
  @ApiProperty({ description: 'On approved field duty' }) fieldDuty!: number;
  @ApiProperty() notYetIn!: number;
  @ApiProperty({ description: 'Their unit does not work that day' }) off!: number;
}

export class RecapUnitResponse extends RecapCountsResponse {
  @ApiProperty() unitCode!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class RecapResponse {
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The unit asked for; null for the whole province' }) unitCode!: string | null;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: String, nullable: true }) holiday!: string | null;
  @ApiProperty({ type: [RecapUnitResponse], description: 'One level below the unit asked for (the OPDs for the province)' }) units!: RecapUnitResponse[];
  @ApiProperty({ type: RecapCountsResponse }) total!: RecapCountsResponse;
}
