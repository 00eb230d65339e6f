import { DateField, NipField, TextField } from '@app/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CODE, CODE_MESSAGE } from '../catalogue/catalogue.dto';
import { EVIDENCE_TYPES } from '../files/evidence-upload';

/** Minutes in a day: no entry, and no reduced figure, can claim more. */
const DAY_MINUTES = 1440;
/** Outputs of one entry: more than this is a typo. */
const MAX_QUANTITY = 1000;
/** The verification inbox's bulk limit, one statement's worth. */
export const MAX_VERIFY_IDS = 500;

export class EvidenceDto {
  @ApiProperty({ enum: EVIDENCE_TYPES, description: 'Checked against the file itself' })
  @IsIn(EVIDENCE_TYPES, { message: '$harus image/jpeg, image/png atau application/pdf' })
  contentType!: (typeof EVIDENCE_TYPES)[number];

  @ApiProperty({ description: 'The file, base64; up to UPLOAD_MAX_BYTES (2 MB) once decoded' })
  @IsString({ message: '$harus berupa teks base64' })
  // A 2 MB file is about 2.8 million base64 characters; the body limit stops anything far larger first.
  @MaxLength(4 * 1024 * 1024, { message: '$terlalu panjang' })
  dataBase64!: string;
}

export class RecordActivityDto {
  @ApiProperty({ example: '2026-06-10', description: 'The working day the activity was done (WITA): today, or a date inside an open back-dating window' })
  @DateField()
  date!: string;

  @ApiPropertyOptional({ example: 'GURU-MENGAJAR-01', description: 'A catalogue activity; give this or description' })
  @IsOptional()
  @Matches(CODE, { message: `$${CODE_MESSAGE}` })
  catalogueCode?: string;

  @ApiPropertyOptional({ example: 'Rapat koordinasi penyusunan formasi 2027', description: 'A free-text activity; give this or catalogueCode' })
  @IsOptional()
  @TextField(500)
  description?: string;

  @ApiProperty({ example: 2, description: 'Outputs produced, in the activity’s output unit' })
  @Min(1, { message: '$minimal 1' })
  @Max(MAX_QUANTITY, { message: `$maksimal ${MAX_QUANTITY}` })
  @IsInt({ message: '$harus berupa bilangan bulat' })
  quantity!: number;

  @ApiProperty({ example: 90, description: 'Minutes spent; at most the standard minutes × quantity, and the day’s entries at most its working minutes' })
  @Min(1, { message: '$minimal 1 menit' })
  @Max(DAY_MINUTES, { message: `$maksimal ${DAY_MINUTES} menit` })
  @IsInt({ message: '$harus berupa bilangan bulat' })
  minutes!: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The IKI target this activity contributes to' })
  @IsOptional()
  @IsUUID('all', { message: '$harus berupa UUID' })
  targetId?: string;

  @ApiPropertyOptional({ type: EvidenceDto, description: 'A photo or document (JPEG, PNG or PDF); required by some catalogue activities' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceDto)
  @IsObject({ message: '$harus berupa objek {contentType, dataBase64}' })
  evidence?: EvidenceDto;
}

export const VERIFY_DECISIONS = ['APPROVE', 'REDUCE', 'REJECT'] as const;
export type VerifyDecision = (typeof VERIFY_DECISIONS)[number];

export class VerifyActivitiesDto {
  @ApiProperty({ type: [String], format: 'uuid', description: `1–${MAX_VERIFY_IDS} entries, all decided alike or none` })
  // class-validator checks a property's decorators from the bottom up: the list's shape first.
  @IsUUID('all', { each: true, message: '$setiap id harus berupa UUID' })
  @ArrayUnique({ message: '$tidak boleh memuat id yang sama dua kali' })
  @ArrayMaxSize(MAX_VERIFY_IDS, { message: `$maksimal ${MAX_VERIFY_IDS} id sekaligus` })
  @ArrayMinSize(1, { message: '$minimal 1 id' })
  @IsArray({ message: '$harus berupa daftar id' })
  ids!: string[];

  @ApiProperty({ enum: VERIFY_DECISIONS })
  @IsIn(VERIFY_DECISIONS, { message: '$harus APPROVE, REDUCE atau REJECT' })
  decision!: VerifyDecision;

  @ApiPropertyOptional({ description: "REDUCE only: the minutes that count, fewer than each entry's" })
  @IsOptional()
  @Min(1, { message: '$minimal 1 menit; untuk 0 menit gunakan REJECT' })
  @Max(DAY_MINUTES, { message: `$maksimal ${DAY_MINUTES} menit` })
  @IsInt({ message: '$harus berupa bilangan bulat' })
  minutes?: number;

  @ApiPropertyOptional({ description: 'Required for REDUCE and REJECT: why, for the employee' })
  @IsOptional()
  @TextField(1000)
  reason?: string;
}

export class ActivityQueryDto {
  @ApiPropertyOptional({ description: 'Default: the caller' })
  @IsOptional()
  @NipField()
  nip?: string;

  @ApiPropertyOptional({ example: '2026-06', description: 'YYYY-MM; default: this month (WITA)' })
  @IsOptional()
  @IsString()
  month?: string;
}
