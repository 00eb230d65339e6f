import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { UnitCodeField } from '../common/fields';

export class CreateUnitDto {
  @ApiProperty({ example: 'BKD' })
  @UnitCodeField()
  code!: string;

  @ApiProperty({ example: 'Badan Kepegawaian Daerah' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'Parent unit; omitted for an OPD at the top of the tree' })
  @IsOptional()
  @UnitCodeField()
  parentCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;
}

export class UpdateUnitDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @UnitCodeField()
  parentCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;
}
