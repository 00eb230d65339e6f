import { NipField, TextField } from '@app/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { CODE, CODE_MESSAGE } from '../catalogue/catalogue.dto';

export const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/;
export const PERIOD_MESSAGE = 'harus tahun YYYY (target tahunan) atau bulan YYYY-MM (target bulanan)';
/** Outputs of one target: more than this is a typo. */
const MAX_QUANTITY = 100_000;
/** Activities one target may be achieved by. */
const MAX_CODES = 50;

export class ProposeTargetDto {
  @ApiProperty({ example: '2026-06', description: "'YYYY' for an annual target (SKP), 'YYYY-MM' for a monthly one (the monthly score)" })
  @Matches(PERIOD, { message: `$${PERIOD_MESSAGE}` })
  @IsString({ message: '$harus berupa teks' })
  period!: string;

  @ApiProperty({ example: 'Telaahan mutasi pegawai selesai' })
  @TextField(300)
  title!: string;

  @ApiProperty({ example: 20, description: 'Outputs to produce in the period, in outputUnit' })
  @Min(1, { message: '$minimal 1' })
  @Max(MAX_QUANTITY, { message: `$maksimal ${MAX_QUANTITY}` })
  @IsInt({ message: '$harus berupa bilangan bulat' })
  quantity!: number;

  @ApiProperty({ example: 'dokumen' })
  @TextField(100)
  outputUnit!: string;

  @ApiProperty({
    type: [String],
    example: ['BKD-ANALIS-LAPORAN'],
    description: "The catalogue activities (open to the employee's position) whose approved outputs achieve the target",
  })
  @Matches(CODE, { each: true, message: `$setiap kode ${CODE_MESSAGE}` })
  @ArrayUnique({ message: '$tidak boleh memuat kode yang sama dua kali' })
  @ArrayMaxSize(MAX_CODES, { message: `$maksimal ${MAX_CODES} kegiatan` })
  @ArrayMinSize(1, { message: '$minimal 1 kegiatan katalog' })
  @IsArray({ message: '$harus berupa daftar kode kegiatan katalog' })
  catalogueCodes!: string[];
}

export class RejectTargetDto {
  @ApiProperty({ description: 'Why, for the employee' })
  @TextField(1000)
  reason!: string;
}

export class TargetQueryDto {
  @ApiPropertyOptional({ description: 'Default: the caller' })
  @IsOptional()
  @NipField()
  nip?: string;

  @ApiPropertyOptional({
    example: '2026',
    description: "'YYYY' or 'YYYY-MM': the targets whose period overlaps it (a month's targets and its year's); default all",
  })
  @IsOptional()
  @Matches(PERIOD, { message: `$${PERIOD_MESSAGE}` })
  @IsString({ message: '$harus berupa teks' })
  period?: string;
}
