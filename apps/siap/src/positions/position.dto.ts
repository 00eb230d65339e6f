import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { TextField } from '@app/service-kit';
import { PositionCodeField, UnitCodeField } from '../common/fields';
import type { PositionType } from '@app/contracts';

const TYPES: PositionType[] = ['STRUKTURAL', 'FUNGSIONAL', 'PELAKSANA'];

export class CreatePositionDto {
  @ApiProperty({ example: 'BKD-KABAN' })
  @PositionCodeField()
  code!: string;

  @ApiProperty({ example: 'Kepala Badan Kepegawaian Daerah' })
  @TextField(200)
  name!: string;

  @ApiProperty({ enum: TYPES })
  @IsIn(TYPES, { message: '$harus STRUKTURAL, FUNGSIONAL atau PELAKSANA' })
  type!: PositionType;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Eselon, for struktural positions', example: 'II.a' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  eselon?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Jenjang, for fungsional positions', example: 'Ahli Muda' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  jenjang?: string | null;

  @ApiProperty({ minimum: 1, maximum: 17 })
  @IsInt()
  @Min(1, { message: '$harus antara 1 dan 17' })
  @Max(17, { message: '$harus antara 1 dan 17' })
  kelasJabatan!: number;

  @ApiProperty()
  @UnitCodeField()
  unitCode!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: "The atasan's position" })
  @IsOptional()
  @PositionCodeField()
  parentCode?: string | null;
}

/** A position's name, class, parent, eselon and jenjang, each optional; its code, type and unit stay. */
export class UpdatePositionDto extends PartialType(PickType(CreatePositionDto, ['name', 'kelasJabatan', 'parentCode', 'eselon', 'jenjang'] as const)) {}
