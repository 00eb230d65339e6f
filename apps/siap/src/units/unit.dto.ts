import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { TextField } from '@app/service-kit';
import { UnitCodeField } from '../common/fields';

export class CreateUnitDto {
  @ApiProperty({ example: 'BKD' })
  @UnitCodeField()
  code!: string;

  @ApiProperty({ example: 'Badan Kepegawaian Daerah' })
  @TextField(200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Parent unit; omitted (or null) for an OPD at the top of the tree' })
  @IsOptional()
  @UnitCodeField()
  parentCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;
}

/** Every field of a unit but its code, each optional. */
export class UpdateUnitDto extends PartialType(OmitType(CreateUnitDto, ['code'] as const)) {}
