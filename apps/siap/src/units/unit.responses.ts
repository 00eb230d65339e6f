import type { UnitState } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';
import type { UnitEntity } from '../persistence/entities';

/** Response shapes of the unit routes (OpenAPI; the portal's types are generated from them). */

export class UnitResponse implements UnitState {
  @ApiProperty({ example: 'BKD-MUTASI' }) code!: string;
  @ApiProperty({ example: 'Bidang Mutasi' }) name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for an OPD at the top of the tree' }) parentCode!: string | null;
  @ApiProperty({ type: [String], description: 'The unit and its ancestors, nearest first', example: ['BKD-MUTASI', 'BKD'] }) path!: string[];
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ description: 'Changes with every update' }) version!: number;
}

export class UnitListItemResponse implements UnitEntity {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) parentCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ type: Date }) updatedAt!: Date;
}

export class UnitListResponse {
  @ApiProperty({ type: [UnitListItemResponse] }) items!: UnitListItemResponse[];
}
