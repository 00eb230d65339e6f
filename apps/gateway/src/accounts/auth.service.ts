import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Identity, Role } from '@app/auth';
import { ApiError, notFound } from '@app/service-kit';
import { HttpStatus, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { AccountEntity } from '../persistence/entities';
import { AccessTokens, newSecretToken, sha256 } from '@app/auth';
import { LiveSessions } from './live-sessions';
import { LoginThrottle } from './login-throttle';
import { passwordProblems } from './password-policy';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
const ACTIVATION_HOURS = 24;
const BAD_LOGIN = 'NIP atau kata sandi salah';
const BAD_SESSION = 'Sesi tidak berlaku; silakan masuk kembali';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { nip: string; name: string; roles: Role[]; unitCode: string };
}

function identityOf(account: Pick<AccountEntity, 'nip' | 'name' | 'roles' | 'unitCode'>): Identity {
  return { nip: account.nip, name: account.name, roles: account.roles, unitCode: account.unitCode };
}

/**
 * How long after a rotation the old refresh token is only refused, not taken as theft: a phone whose
 * answer was lost retries within seconds, a thief's replay comes later (a security setting, not a rule).
 */
export const REFRESH_REUSE_GRACE_SECONDS = 30;

@Injectable()
export class AuthService implements OnModuleInit {
  readonly tokens: AccessTokens;
  private readonly throttle: LoginThrottle;
  /** Checked instead of a real hash for a NIP without a usable password, so every wrong login costs the same time. */
  private decoyHash = '';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly live: LiveSessions,
  ) {
    this.tokens = new AccessTokens(config.JWT_KEY_ID, config.JWT_SECRET, config.previousKeys, config.ACCESS_TOKEN_TTL_SECONDS);
    this.throttle = new LoginThrottle(dataSource, {
      maxFailuresPerAddress: config.LOGIN_MAX_FAILURES,
      lockMs: config.LOGIN_LOCK_MINUTES * 60_000,
      freeFailuresPerAccount: config.LOGIN_ACCOUNT_FREE_FAILURES,
    });
  }

  async onModuleInit(): Promise<void> {
    this.decoyHash = await hash(randomBytes(24).toString('base64url'));
  }

  /**
   * Unknown, inactive and active NIPs get the same answer after the same work (an argon2 check), and
   * are throttled alike (LoginThrottle): nothing tells an outsider which accounts exist.
   */
  async login(nip: string, password: string, address: string): Promise<TokenPair> {
    const reservation = await this.throttle.reserve(nip, address);
    if (!reservation.allowed) {
      const minutes = Math.ceil(reservation.retryAfterSeconds / 60);
      const wait = reservation.retryAfterSeconds < 60 ? `${reservation.retryAfterSeconds} detik` : `${minutes} menit`;
      throw new ApiError(HttpStatus.TOO_MANY_REQUESTS, `Terlalu banyak percobaan masuk yang gagal; coba lagi dalam ${wait}`, undefined, {
        retryAfterSeconds: reservation.retryAfterSeconds,
      });
    }
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ nip });
    const usable = account?.status === 'ACTIVE' && account.passwordHash !== null;
    const matches = await verify(usable ? account.passwordHash! : this.decoyHash, password);
    await this.throttle.settle(nip, address, usable && matches);
    if (!usable || !matches) throw new ApiError(HttpStatus.UNAUTHORIZED, BAD_LOGIN);
    return this.dataSource.transaction(async (m) => {
      const [{ id }] = (await m.query('INSERT INTO auth_session (nip) VALUES ($1) RETURNING id', [nip])) as { id: string }[];
      return this.issuePair(m, account, id);
    });
  }

  /** The identity behind a bearer token, as it stands now; null when the token or its session no longer stands. */
  async authenticate(token: string): Promise<Identity | null> {
    return this.live.identity(await this.tokens.verify(token));
  }

  /**
   * Rotates the refresh token: of concurrent redemptions of one token exactly one wins. Presenting a
   * token rotated out more than REFRESH_REUSE_GRACE_SECONDS ago, while its session stands, is taken as
   * theft (OAuth 2.0 security practice), and every session of the account ends.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const tokenHash = sha256(refreshToken);
    const outcome = await this.dataSource.transaction(async (m) => {
      const [redeemed] = (
        await m.query(
          `UPDATE refresh_token SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now() AND session_id IS NOT NULL
         RETURNING nip, session_id`,
          [tokenHash],
        )
      )[0] as { nip: string; session_id: string }[];
      if (!redeemed) {
        // Theft only when a rotated-out token of a live session comes back after the grace period: a token
        // whose session was logged out is merely refused, and one rotated moments ago is most likely the
        // same phone retrying after the answer was lost on a weak signal, or a second tab.
        const [stale] = (await m.query(
          `SELECT r.nip, r.revoked_at IS NOT NULL AND s.revoked_at IS NULL AND r.revoked_at < now() - $2::interval AS stolen
           FROM refresh_token r LEFT JOIN auth_session s ON s.id = r.session_id WHERE r.token_hash = $1`,
          [tokenHash, `${REFRESH_REUSE_GRACE_SECONDS} seconds`],
        )) as { nip: string; stolen: boolean | null }[];
        return { reusedBy: stale?.stolen ? stale.nip : null };
      }
      const [account] = (await m.query(
        `SELECT a.nip, a.name, a.roles, a.unit_code AS "unitCode", a.status
         FROM account a JOIN auth_session s ON s.nip = a.nip WHERE s.id = $1 AND s.revoked_at IS NULL`,
        [redeemed.session_id],
      )) as AccountEntity[];
      if (!account || account.status !== 'ACTIVE') return { reusedBy: null };
      return { pair: await this.issuePair(m, account, redeemed.session_id) };
    });
    if ('pair' in outcome && outcome.pair) return outcome.pair;
    if (outcome.reusedBy) {
      await this.dataSource.transaction((m) => this.endAllSessions(m, outcome.reusedBy!));
      await this.live.settle();
    }
    throw new ApiError(HttpStatus.UNAUTHORIZED, BAD_SESSION);
  }

  /** Ends the session of this refresh token: its access tokens stop working at once. */
  async logout(refreshToken: string): Promise<void> {
    const ended = await this.dataSource.transaction(async (m) => {
      const [[session]] = (await m.query(
        `UPDATE auth_session s SET revoked_at = coalesce(s.revoked_at, now()) FROM refresh_token r
         WHERE r.token_hash = $1 AND r.session_id = s.id RETURNING s.id, s.nip`,
        [sha256(refreshToken)],
      )) as [{ id: string; nip: string }[], number];
      if (!session) return false;
      await m.query('UPDATE refresh_token SET revoked_at = now() WHERE session_id = $1 AND revoked_at IS NULL', [session.id]);
      await this.live.record(m, session.nip, session.id);
      return true;
    });
    if (ended) await this.live.settle();
  }

  /** Every session ends, this one included: the new password is needed to log in again. */
  async changePassword(identity: Identity, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.dataSource.getRepository(AccountEntity).findOneByOrFail({ nip: identity.nip });
    if (!account.passwordHash || !(await verify(account.passwordHash, currentPassword))) {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'Kata sandi saat ini salah', [{ field: 'currentPassword', message: 'salah' }]);
    }
    await this.setPassword(account, newPassword);
  }

  /** A one-time code for an inactive (or forgotten) account, valid 24 hours; only its hash is kept. */
  async issueActivation(by: Identity, nip: string): Promise<{ nip: string; code: string; expiresAt: Date }> {
    if (by.nip === nip) throw new ApiError(HttpStatus.FORBIDDEN, 'Kode aktivasi akun Anda sendiri harus diterbitkan oleh admin lain');
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
    if (!account || !valid || account.status === 'DISABLED')
      throw new ApiError(HttpStatus.BAD_REQUEST, 'Kode aktivasi salah atau kedaluwarsa', [{ field: 'code', message: 'tidak berlaku' }]);
    await this.setPassword(account, newPassword, { status: 'ACTIVE', activationHash: null, activationExpires: null });
  }

  /** Every account keeps PEGAWAI; the change applies to the account's next request. Nobody changes their own roles. */
  async setRoles(by: Identity, nip: string, roles: Role[]): Promise<{ nip: string; roles: Role[] }> {
    if (by.nip === nip) throw new ApiError(HttpStatus.FORBIDDEN, 'Peran akun Anda sendiri harus diubah oleh admin lain');
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ nip });
    if (!account) throw notFound(`Akun ${nip}`);
    const withPegawai = [...new Set<Role>([...roles, 'PEGAWAI'])];
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(AccountEntity).update(nip, { roles: withPegawai });
      await this.live.record(m, nip);
    });
    await this.live.settle();
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

  /**
   * Inside a caller's transaction: every session and refresh token of the account ends, and its access
   * tokens with them (every gateway hears of it when the transaction commits).
   */
  async endAllSessions(m: EntityManager, nip: string): Promise<void> {
    await m.query('UPDATE account SET token_epoch = token_epoch + 1 WHERE nip = $1', [nip]);
    await m.query('UPDATE auth_session SET revoked_at = now() WHERE nip = $1 AND revoked_at IS NULL', [nip]);
    await m.query('UPDATE refresh_token SET revoked_at = now() WHERE nip = $1 AND revoked_at IS NULL', [nip]);
    await this.live.record(m, nip);
  }

  private async setPassword(account: AccountEntity, password: string, extra: Partial<AccountEntity> = {}): Promise<void> {
    const problems = passwordProblems(password, account.nip);
    if (problems.length > 0) throw new ApiError(HttpStatus.BAD_REQUEST, `Kata sandi baru ${problems.map((p) => p.message).join('; ')}`, problems);
    const passwordHash = await hash(password);
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(AccountEntity).update(account.nip, { passwordHash, ...extra });
      await this.endAllSessions(m, account.nip);
    });
    await this.live.settle();
  }

  private async issuePair(m: EntityManager, account: Pick<AccountEntity, 'nip' | 'name' | 'roles' | 'unitCode'>, sessionId: string): Promise<TokenPair> {
    const identity = identityOf(account);
    const [{ token_epoch: epoch }] = (await m.query('SELECT token_epoch FROM account WHERE nip = $1', [account.nip])) as { token_epoch: number }[];
    const { token: refreshToken, hash: tokenHash } = newSecretToken();
    await m.query(`INSERT INTO refresh_token (nip, token_hash, expires_at, session_id) VALUES ($1, $2, now() + $3::interval, $4)`, [
      account.nip,
      tokenHash,
      `${this.config.REFRESH_TOKEN_TTL_DAYS} days`,
      sessionId,
    ]);
    const accessToken = await this.tokens.issue({ ...identity, sessionId, epoch });
    return { accessToken, refreshToken, expiresIn: this.tokens.ttlSeconds, user: identity };
  }
}
