import { createHash, randomBytes } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { isRole, type Identity } from './identity';

const ISSUER = 'sulteng-asn-gateway';
const AUDIENCE = 'sulteng-asn-portal';

export class InvalidAccessToken extends Error {
  override readonly name = 'InvalidAccessToken';
}

/** What a verified access token says: who, in which session, under which token epoch of the account. */
export interface AccessClaims extends Identity {
  sessionId: string;
  epoch: number;
  /** When the token was signed (ms); set by verify(), ignored by issue(). */
  issuedAt?: number;
}

/**
 * Access tokens: HS256 JWTs whose header names the key (kid). New tokens use the current key; tokens
 * signed by a previous key stay valid until they expire, so a key can be rotated without logging
 * everyone out.
 */
export class AccessTokens {
  private readonly keys = new Map<string, Uint8Array>();
  /** Tokens already verified, until they expire: every proxied request carries one. */
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAt: number }>();

  constructor(
    private readonly currentKid: string,
    currentSecret: string,
    previous: Map<string, string>,
    readonly ttlSeconds: number,
  ) {
    for (const [kid, secret] of previous) this.keys.set(kid, new TextEncoder().encode(secret));
    this.keys.set(currentKid, new TextEncoder().encode(currentSecret));
  }

  issue(claims: AccessClaims): Promise<string> {
    const identity = claims;
    return new SignJWT({ name: identity.name, roles: identity.roles, unit: identity.unitCode, sid: claims.sessionId, ep: claims.epoch })
      .setProtectedHeader({ alg: 'HS256', kid: this.currentKid, typ: 'JWT' })
      .setSubject(identity.nip)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.keys.get(this.currentKid)!);
  }

  /** The token's signature, issuer, audience and expiry; whether its session still stands is LiveSessions' question. */
  async verify(token: string): Promise<AccessClaims> {
    const cached = this.verified.get(token);
    if (cached && cached.expiresAt > Date.now()) return cached.claims;
    const claims = await this.verifyUncached(token);
    if (this.verified.size >= 50_000) this.verified.clear();
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp: number };
    this.verified.set(token, { claims, expiresAt: exp * 1000 });
    return claims;
  }

  private async verifyUncached(token: string): Promise<AccessClaims> {
    try {
      const { kid } = decodeProtectedHeader(token);
      const key = kid ? this.keys.get(kid) : undefined;
      if (!key) throw new InvalidAccessToken('unknown signing key');
      const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
      if (!payload.sub || typeof payload.unit !== 'string' || roles.length === 0 || typeof payload.sid !== 'string' || typeof payload.ep !== 'number') {
        throw new InvalidAccessToken('incomplete token');
      }
      return {
        nip: payload.sub,
        name: typeof payload.name === 'string' ? payload.name : '',
        roles,
        unitCode: payload.unit,
        sessionId: payload.sid,
        epoch: payload.ep,
        issuedAt: (payload.iat ?? 0) * 1000,
      };
    } catch (error) {
      throw error instanceof InvalidAccessToken ? error : new InvalidAccessToken((error as Error).message);
    }
  }
}

/** Refresh tokens and activation codes are random; only their SHA-256 is stored. */
export function newSecretToken(bytes = 32): { token: string; hash: string } {
  const token = randomBytes(bytes).toString('base64url');
  return { token, hash: sha256(token) };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
