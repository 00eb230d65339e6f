import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DateField, NipField, Omittable, TextField } from '@app/service-kit';
import { PositionCodeField, UnitCodeField } from '../common/fields';
import type { EmploymentType } from '@app/contracts';

const EmailField = () => IsEmail({}, { message: '$harus berupa alamat email yang valid' });
const PhoneField = () => Matches(/^\+?[0-9 -]{6,20}$/, { message: '$harus berupa nomor telepon' });

export class RegisterEmployeeDto {
  @ApiProperty({ example: '196608011988031001' })
  @NipField()
  nip!: string;

  @ApiProperty()
  @TextField(200)
  name!: string;

  @ApiProperty({ example: '1966-08-01' })
  @DateField()
  birthDate!: string;

  @ApiProperty({ enum: ['L', 'P'] })
  @IsIn(['L', 'P'], { message: '$harus L atau P' })
  sex!: 'L' | 'P';

  @ApiProperty({ enum: ['PNS', 'PPPK'] })
  @IsIn(['PNS', 'PPPK'], { message: '$harus PNS atau PPPK' })
  employmentType!: EmploymentType;

  @ApiProperty({ example: 'III/a', description: 'I/a–IV/e for PNS, I–XVII for PPPK' })
  @TextField(10)
  golongan!: string;

  @ApiProperty()
  @UnitCodeField()
  unitCode!: string;

  @ApiProperty()
  @PositionCodeField()
  positionCode!: string;

  @ApiProperty({ example: '1988-03-01' })
  @DateField()
  tmtCpns!: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email' })
  @IsOptional()
  @EmailField()
  @MaxLength(200)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '081234567890' })
  @IsOptional()
  @PhoneField()
  phone?: string | null;
}

/**
 * Corrections of name and contact details, validated as at registration. A field left out stays as it
 * is; the name cannot be emptied (null is refused), the contact details can (null clears them).
 */
export class UpdateEmployeeDto {
  @ApiPropertyOptional()
  @Omittable()
  @TextField(200)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email', description: 'null clears it' })
  @IsOptional()
  @EmailField()
  @MaxLength(200)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null clears it' })
  @IsOptional()
  @PhoneField()
  phone?: string | null;

  @ApiProperty({ description: 'The version the change is based on; a stale version is refused with 409' })
  @IsInt()
  @Min(1)
  version!: number;
}

/** Every career action names its decree and the version of the record it was based on. */
export class DecreeDto {
  @ApiProperty({ description: 'The version the action is based on; a stale version is refused with 409' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ example: '821.2/123/BKD/2026' })
  @TextField(100)
  skNumber!: string;

  @ApiProperty({ example: '2026-12-01', description: 'Terhitung mulai tanggal' })
  @DateField()
  tmt!: string;
}

export class TransferDto extends DecreeDto {
  @ApiProperty()
  @UnitCodeField()
  unitCode!: string;

  @ApiProperty()
  @PositionCodeField()
  positionCode!: string;
}

export class PromotionDto extends DecreeDto {
  @ApiProperty({ example: 'III/b' })
  @TextField(10)
  golongan!: string;
}

export class PositionChangeDto extends DecreeDto {
  @ApiProperty()
  @PositionCodeField()
  positionCode!: string;
}

export const TERMINATION_REASONS = ['PENSIUN', 'BERHENTI', 'MENINGGAL', 'CLTN'] as const;

export class TerminationDto extends DecreeDto {
  @ApiProperty({ enum: TERMINATION_REASONS })
  @IsIn(TERMINATION_REASONS, { message: '$harus PENSIUN, BERHENTI, MENINGGAL atau CLTN' })
  reason!: (typeof TERMINATION_REASONS)[number];
}

export const HISTORY_SECTIONS = { education: 'pendidikan', training: 'diklat', discipline: 'hukuman_disiplin', awards: 'penghargaan' } as const;

/** The stored section of a route's section name; only the four own keys, never an inherited property. */
export function historySection(name: string): (typeof HISTORY_SECTIONS)[keyof typeof HISTORY_SECTIONS] | undefined {
  return Object.hasOwn(HISTORY_SECTIONS, name) ? HISTORY_SECTIONS[name as keyof typeof HISTORY_SECTIONS] : undefined;
}

export class HistoryEntryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @TextField(100)
  skNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @DateField()
  tmt?: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Section-specific fields, e.g. {level, institution} or {sentence, from, to}' })
  @IsObject({ message: '$harus berupa objek' })
  details!: Record<string, unknown>;
}

export class EmployeeQueryDto {
  @ApiPropertyOptional({ description: 'A unit and the units below it' })
  @IsOptional()
  @UnitCodeField()
  unitCode?: string;

  @ApiPropertyOptional({ enum: ['AKTIF', 'PENSIUN', 'BERHENTI', 'MENINGGAL', 'CLTN'] })
  @IsOptional()
  @IsIn(['AKTIF', 'PENSIUN', 'BERHENTI', 'MENINGGAL', 'CLTN'], { message: '$nilainya tidak dikenal' })
  status?: string;

  @ApiPropertyOptional({ example: 'III/a' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  golongan?: string;

  @ApiPropertyOptional({ description: 'Digits: the start of a NIP; otherwise part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000, { message: '$maksimal 1000000' })
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500, { message: '$maksimal 500' })
  pageSize: number = 50;
}
