import { ApiProperty } from '@nestjs/swagger';

/** What POST /events/republish queued (OpenAPI). */
export class RepublishResponse {
  @ApiProperty() units!: number;
  @ApiProperty() positions!: number;
  @ApiProperty() employees!: number;
}
