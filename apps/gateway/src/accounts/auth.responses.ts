import { ROLES, type Role } from '@app/auth';
import { ApiProperty } from '@nestjs/swagger';
import type { AccountStatus } from '../persistence/entities';
import type { AccountStateView, MeView } from './account-directory';
import type { TokenPair } from './auth.service';

/** Response shapes of the auth routes (OpenAPI; the portal's types are generated from them). */

export class UserResponse {
  @ApiProperty({ example: '199003152015031002' }) nip!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ description: "The account's unit; an operator's scope is this unit and below" }) unitCode!: string;
}

export class TokenPairResponse implements TokenPair {
  @ApiProperty({ description: 'Send as `Authorization: Bearer …`' }) accessToken!: string;
  @ApiProperty({ description: 'One-time: POST /auth/refresh gives a new pair' }) refreshToken!: string;
  @ApiProperty({ description: 'Seconds the access token is valid', example: 900 }) expiresIn!: number;
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
}

export class MeResponse extends UserResponse implements MeView {
  @ApiProperty({ type: String, nullable: true }) unitName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The jabatan, when the gateway knows it' }) positionName!: string | null;
}

export class ActivationCodeResponse {
  @ApiProperty() nip!: string;
  @ApiProperty({ description: 'One-time code for POST /auth/activate; shown only here' }) code!: string;
  @ApiProperty({ type: Date }) expiresAt!: Date;
}

export class RolesResponse {
  @ApiProperty() nip!: string;
  @ApiProperty({ enum: ROLES, isArray: true, description: 'Always with PEGAWAI' }) roles!: Role[];
}

export class AccountStateResponse implements AccountStateView {
  @ApiProperty() nip!: string;
  @ApiProperty({ description: 'An account exists for this NIP (SIAP registered the employee)' }) exists!: boolean;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) unitCode!: string | null;
  @ApiProperty({ type: String, enum: ['INACTIVE', 'ACTIVE', 'DISABLED'], nullable: true }) status!: AccountStatus | null;
  @ApiProperty({ description: 'A password has been set' }) activated!: boolean;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ description: 'An activation code is issued and neither used nor expired' }) activationOutstanding!: boolean;
  @ApiProperty({ type: Date, nullable: true }) activationExpiresAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'The last login, if one is recorded' }) lastLoginAt!: Date | null;
}
