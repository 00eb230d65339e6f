import { hash, verify } from '@node-rs/argon2';
import type { Identity, Role } from '@app/auth';
import { ApiError, notFound } from '@app/service-kit';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { AccountEntity, RefreshTokenEntity } from '../persistence/entities';
import { AccessTokens, newSecretToken, sha256 } from './access-tokens';
import { passwordProblems } from './password-policy';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
const ACTIVATION_HOURS = 24;
const BAD_LOGIN = 'NIP atau kata sandi salah';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { nip: string; name: string; roles: Role[]; unitCode: string };
}

function identityOf(account: AccountEntity): Identity {
  return { nip: account.nip, name: account.name, roles: account.roles, unitCode: account.unitCode };
}

@Injectable()
export class AuthService {
  readonly tokens: AccessTokens;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.tokens = new AccessTokens(config.JWT_KEY_ID, config.JWT_SECRET, config.previousKeys, config.ACCESS_TOKEN_TTL_SECONDS);
  }

  /** Five failures lock the account (LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES); while locked even the right password is refused. */
  async login(nip: string, password: string): Promise<TokenPair> {
    const accounts = this.dataSource.getRepository(AccountEntity);
    const account = await accounts.findOneBy({ nip });
    if (!account || account.status !== 'ACTIVE' || !account.passwordHash) throw new ApiError(HttpStatus.UNAUTHORIZED, BAD_LOGIN);
    if (account.lockedUntil && account.lockedUntil > new Date()) {
      throw new ApiError(HttpStatus.LOCKED, `Akun terkunci karena terlalu banyak percobaan masuk; coba lagi setelah ${account.lockedUntil.toISOString()}`);
    }
    if (!(await verify(account.passwordHash, password))) {
      const failures = account.failedLogins + 1;
      const lock = failures >= this.config.LOGIN_MAX_FAILURES;
      await accounts.update(nip, {
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(Date.now() + this.config.LOGIN_LOCK_MINUTES * 60_000) : account.lockedUntil,
      });
      throw new ApiError(HttpStatus.UNAUTHORIZED, BAD_LOGIN);
    }
    await accounts.update(nip, { failedLogins: 0, lockedUntil: null });
    return this.issuePair(account);
  }

  /** Rotates the refresh token; presenting a revoked one revokes every session of that account. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const stored = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: sha256(refreshToken) });
    if (!stored || stored.expiresAt <= new Date()) throw new ApiError(HttpStatus.UNAUTHORIZED, 'Sesi tidak berlaku; silakan masuk kembali');
    if (stored.revokedAt) {
      await this.revokeAll(stored.nip);
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'Sesi tidak berlaku; silakan masuk kembali');
    }
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ nip: stored.nip });
    if (!account || account.status !== 'ACTIVE') throw new ApiError(HttpStatus.UNAUTHORIZED, 'Akun tidak aktif');
    await this.dataSource.getRepository(RefreshTokenEntity).update(stored.id, { revokedAt: new Date() });
    return this.issuePair(account);
  }

  async logout(refreshToken: string): Promise<void> {
    await this.dataSource.getRepository(RefreshTokenEntity).update({ tokenHash: sha256(refreshToken), revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async changePassword(identity: Identity, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneByOrFail({ nip: identity.nip });
    if (!account.passwordHash || !(await verify(account.passwordHash, currentPassword))) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'Kata sandi saat ini salah', [{ field: 'currentPassword', message: 'salah' }]);
    }
    await this.setPassword(account, newPassword);
    await this.revokeAll(account.nip);
  }

  /** A one-time code for an inactive (or forgotten) account, valid 24 hours; only its hash is kept. */
  async issueActivation(nip: string): Promise<{ nip: string; code: string; expiresAt: Date }> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ nip });
    if (!account) throw notFound(`Akun ${nip}`);
    if (account.status === 'DISABLED') throw new ApiError(HttpStatus.CONFLICT, 'Akun dinonaktifkan karena pegawai tidak lagi aktif');
    const { token, hash: codeHash } = newSecretToken(9);
    const expiresAt = new Date(Date.now() + ACTIVATION_HOURS * 3_600_000);
    await this.dataSource.getRepository(AccountEntity).update(nip, { activationHash: codeHash, activationExpires: expiresAt });
    return { nip, code: token, expiresAt };
  }

  async activate(nip: string, code: string, newPassword: string): Promise<void> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ nip });
    const valid = account?.activationHash === sha256(code) && account.activationExpires !== null && account.activationExpires > new Date();
    if (!account || !valid || account.status === 'DISABLED') throw new ApiError(HttpStatus.BAD_REQUEST, 'Kode aktivasi salah atau kedaluwarsa', [{ field: 'code', message: 'tidak berlaku' }]);
    await this.setPassword(account, newPassword, { status: 'ACTIVE', activationHash: null, activationExpires: null, failedLogins: 0, lockedUntil: null });
  }

  /** Every account keeps PEGAWAI. */
  async setRoles(nip: string, roles: Role[]): Promise<{ nip: string; roles: Role[] }> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ nip });
    if (!account) throw notFound(`Akun ${nip}`);
    const withPegawai = [...new Set<Role>([...roles, 'PEGAWAI'])];
    await this.dataSource.getRepository(AccountEntity).update(nip, { roles: withPegawai });
    return { nip, roles: withPegawai };
  }

  /** The first BKD admin, from ADMIN_NIP/ADMIN_PASSWORD; its password is set only while it has none. */
  async ensureFirstAdmin(): Promise<void> {
    const { ADMIN_NIP: nip, ADMIN_PASSWORD: password } = this.config;
    if (!nip || !password) return;
    const accounts = this.dataSource.getRepository(AccountEntity);
    const existing = await accounts.findOneBy({ nip });
    const roles = [...new Set<Role>([...(existing?.roles ?? []), 'ADMIN_BKD', 'PEGAWAI'])];
    if (!existing) {
      await accounts.insert({ nip, name: 'Administrator BKD', unitCode: 'BKD', status: 'ACTIVE', roles, passwordHash: await hash(password) });
      return;
    }
    await accounts.update(nip, { roles, status: 'ACTIVE', ...(existing.passwordHash ? {} : { passwordHash: await hash(password) }) });
  }

  async revokeAll(nip: string): Promise<void> {
    await this.dataSource.getRepository(RefreshTokenEntity).update({ nip, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async setPassword(account: AccountEntity, password: string, extra: Partial<AccountEntity> = {}): Promise<void> {
    const problems = passwordProblems(password, account.nip);
    if (problems.length > 0) throw new ApiError(HttpStatus.BAD_REQUEST, `Kata sandi baru ${problems.map((p) => p.message).join('; ')}`, problems);
    await this.dataSource.getRepository(AccountEntity).update(account.nip, { passwordHash: await hash(password), ...extra });
  }

  private async issuePair(account: AccountEntity): Promise<TokenPair> {
    const identity = identityOf(account);
    const { token: refreshToken, hash: tokenHash } = newSecretToken();
    await this.dataSource.getRepository(RefreshTokenEntity).insert({
      nip: account.nip,
      tokenHash,
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
      revokedAt: null,
    });
    return { accessToken: await this.tokens.issue(identity), refreshToken, expiresIn: this.tokens.ttlSeconds, user: identity };
  }
}
