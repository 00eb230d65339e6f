import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const CODE = /^[A-Z0-9][A-Z0-9._-]{0,39}$/;
const CODE_MESSAGE = '$harus 1–40 huruf besar, angka, titik, garis bawah atau tanda hubung';

export class CreateUnitDto {
  @ApiProperty({ example: 'BKD' })
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'Badan Kepegawaian Daerah' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'Parent unit; omitted for an OPD at the top of the tree' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
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
  @Matches(CODE, { message: CODE_MESSAGE })
  parentCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;
}
