import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayMaxSize, IsArray, IsIn } from 'class-validator';
import { ROLES, type Role } from '@app/auth';
import { NipField, TextField } from '@app/service-kit';

export class LoginDto {
  @ApiProperty({ example: '196608011988031001' })
  @NipField()
  nip!: string;

  @ApiProperty()
  @TextField(200)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @TextField(200)
  refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @TextField(200)
  currentPassword!: string;

  @ApiProperty()
  @TextField(200)
  newPassword!: string;
}

export class ActivateDto {
  @ApiProperty()
  @NipField()
  nip!: string;

  @ApiProperty()
  @TextField(100)
  code!: string;

  @ApiProperty()
  @TextField(200)
  newPassword!: string;
}

export class RolesDto {
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(4)
  @IsIn(ROLES, { each: true, message: '$harus ADMIN_BKD, OPERATOR_OPD, ATASAN atau PEGAWAI' })
  roles!: Role[];
}
