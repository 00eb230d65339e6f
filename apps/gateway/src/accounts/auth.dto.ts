import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@app/auth';
import { NipField } from '@app/service-kit';

export class LoginDto {
  @ApiProperty({ example: '196608011988031001' })
  @NipField()
  nip!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  newPassword!: string;
}

export class ActivateDto {
  @ApiProperty()
  @NipField()
  nip!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(100)
  code!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  newPassword!: string;
}

export class RolesDto {
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(ROLES, { each: true, message: '$harus ADMIN_BKD, OPERATOR_OPD, ATASAN atau PEGAWAI' })
  roles!: Role[];
}
