import type { PositionState, PositionType } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';
import type { PositionEntity } from '../persistence/entities';

/** Response shapes of the position routes (OpenAPI; the portal's types are generated from them). */

const TYPES: PositionType[] = ['STRUKTURAL', 'FUNGSIONAL', 'PELAKSANA'];

export class PositionResponse implements PositionState {
  @ApiProperty({ example: 'BKD-ANALIS' }) code!: string;
  @ApiProperty({ example: 'Analis Kepegawaian' }) name!: string;
  @ApiProperty({ enum: TYPES }) type!: PositionType;
  @ApiProperty({ type: String, nullable: true }) eselon!: string | null;
  @ApiProperty({ type: String, nullable: true }) jenjang!: string | null;
  @ApiProperty({ minimum: 1, maximum: 17 }) kelasJabatan!: number;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ type: String, nullable: true, description: "The atasan's position" }) parentCode!: string | null;
  @ApiProperty() version!: number;
}

export class PositionListItemResponse extends PositionResponse implements PositionEntity {
  @ApiProperty({ type: Date }) updatedAt!: Date;
}

export class PositionListResponse {
  @ApiProperty({ type: [PositionListItemResponse] }) items!: PositionListItemResponse[];
}
