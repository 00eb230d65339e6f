import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@app/auth';

export type AccountStatus = 'INACTIVE' | 'ACTIVE' | 'DISABLED';

/** A login, keyed by NIP; created from SIAP's employee events, activated by an admin's one-time code. */
@Entity({ name: 'account' })
export class AccountEntity {
  @PrimaryColumn({ type: 'char', length: 18 })
  nip!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ type: 'text' })
  status!: AccountStatus;

  @Column({ type: 'text', array: true })
  roles!: Role[];

  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  /** Moves on when every session must end (password change, token theft); access tokens carry it. */
  @Column({ name: 'token_epoch', type: 'int', default: 1 })
  tokenEpoch!: number;

  @Column({ name: 'activation_hash', type: 'text', nullable: true })
  activationHash!: string | null;

  @Column({ name: 'activation_expires', type: 'timestamptz', nullable: true })
  activationExpires!: Date | null;
}

@Entity({ name: 'refresh_token' })
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'char', length: 18 })
  nip!: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export const GATEWAY_ENTITIES = [AccountEntity, RefreshTokenEntity];
