import { REQUEST_TYPES, type RequestType } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MinLength } from 'class-validator';
import { DateField, NipField, TextField } from '@app/service-kit';

export class CreateRequestDto {
  @ApiPropertyOptional({ description: 'Whose request; an operator may file one for an employee of their units. Default: the caller.' })
  @IsOptional()
  @NipField()
  nip?: string;

  @ApiProperty({ enum: REQUEST_TYPES })
  @IsIn(REQUEST_TYPES, { message: `$harus salah satu dari ${REQUEST_TYPES.join(', ')}` })
  type!: RequestType;

  @ApiProperty({ example: '2026-10-05' })
  @DateField()
  startDate!: string;

  @ApiProperty({ example: '2026-10-07' })
  @DateField()
  endDate!: string;

  @ApiProperty({ example: 'Rapat koordinasi di Kabupaten Donggala' })
  @TextField(1000)
  @MinLength(3, { message: '$minimal 3 karakter' })
  reason!: string;

  @ApiPropertyOptional({ description: 'Supporting document (surat tugas, surat dokter): PDF, JPEG or PNG, base64, up to 2 MB' })
  @IsOptional()
  @IsString()
  attachment?: string;
}

export class DecisionDto {
  @ApiPropertyOptional({ description: 'Required when rejecting' })
  @IsOptional()
  @TextField(1000)
  note?: string;
}

export class RequestQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @NipField()
  nip?: string;

  @ApiPropertyOptional({ enum: ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'] })
  @IsOptional()
  @IsIn(['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'], { message: '$harus PENDING, APPROVED, REJECTED atau CANCELLED' })
  status?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      "true: the approvals inbox, pending requests of others the caller may decide (as atasan, operator of the unit or BKD admin), never the caller's own",
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '$harus true atau false' })
  decidable?: boolean;
}
