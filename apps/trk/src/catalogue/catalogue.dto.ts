import { TextField } from '@app/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** Catalogue codes, position codes and type labels: the shape SIAP gives codes. */
export const CODE = /^[A-Z0-9][A-Z0-9._-]{0,39}$/;
export const CODE_MESSAGE = 'harus 1–40 huruf besar, angka, titik, garis bawah atau tanda hubung';
/** A position type (SIAP's STRUKTURAL, FUNGSIONAL, PELAKSANA) or a family of positions the catalogue knows (GURU). */
export const POSITION_TYPE = /^[A-Z][A-Z_]{1,29}$/;
const POSITION_TYPE_MESSAGE = 'harus huruf besar, mis. FUNGSIONAL atau GURU';
/** One output may not take longer than a day. */
export const MAX_STANDARD_MINUTES = 1440;

/** One catalogue activity, as PUT /catalogue/{code} and each row of the CSV import give it. */
export class CatalogueActivityDto {
  @ApiProperty({ example: 'Menyusun laporan kepegawaian bulanan' })
  @TextField(300)
  name!: string;

  @ApiProperty({ example: 'dokumen', description: 'What one output is counted in' })
  @TextField(100)
  outputUnit!: string;

  @ApiProperty({ example: 120, description: 'Minutes one output may take; an entry claiming more per output is refused' })
  @Min(1, { message: '$minimal 1 menit' })
  @Max(MAX_STANDARD_MINUTES, { message: `$maksimal ${MAX_STANDARD_MINUTES} menit` })
  @IsInt({ message: '$harus berupa bilangan bulat' })
  standardMinutes!: number;

  @ApiProperty({ description: 'Entries of this activity must carry a photo or document' })
  @IsBoolean({ message: '$harus true atau false' })
  evidenceRequired!: boolean;

  @ApiPropertyOptional({ example: 'FUNGSIONAL', description: 'Every position of this type (BKD only); give this or positionCode' })
  @IsOptional()
  @Matches(POSITION_TYPE, { message: `$${POSITION_TYPE_MESSAGE}` })
  positionType?: string;

  @ApiPropertyOptional({ example: 'BKD-ANALIS', description: 'One position (an operator: a position of their OPD); give this or positionType' })
  @IsOptional()
  @Matches(CODE, { message: `$${CODE_MESSAGE}` })
  positionCode?: string;

  @ApiPropertyOptional({ example: 'MENGAJAR', description: 'The group of work it belongs to (teachers: MENGAJAR, PERENCANAAN, …)' })
  @IsOptional()
  @Matches(POSITION_TYPE, { message: '$harus huruf besar, mis. MENGAJAR' })
  group?: string;

  @ApiPropertyOptional({ example: 48, description: "The group's percent of the month's work" })
  @IsOptional()
  @Min(0)
  @Max(100)
  @IsInt({ message: '$harus berupa bilangan bulat' })
  share?: number;
}
