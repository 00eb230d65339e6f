import { ApiProperty } from '@nestjs/swagger';

export class CatalogueActivityResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() outputUnit!: string;
  @ApiProperty() standardMinutes!: number;
  @ApiProperty() evidenceRequired!: boolean;
  @ApiProperty({ type: String, nullable: true }) positionType!: string | null;
  @ApiProperty({ type: String, nullable: true }) positionCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The position's unit (an OPD's own activity); null for a province-wide one" })
  unitCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) group!: string | null;
  @ApiProperty({ type: Number, nullable: true }) share!: number | null;
  @ApiProperty() updatedBy!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CatalogueImportResponse {
  @ApiProperty({ description: 'Rows read' }) rows!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty({ description: 'Rows identical to the stored activity' }) unchanged!: number;
}
