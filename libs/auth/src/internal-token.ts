import { jwtVerify, SignJWT } from 'jose';
import { isRole, type Identity } from './identity';

/** The header that carries the gateway-verified identity from the gateway to a service. */
export const IDENTITY_HEADER = 'x-asn-identity';
const ISSUER = 'sulteng-asn-gateway';
const AUDIENCE = 'sulteng-asn-services';

export class InvalidIdentity extends Error {
  override readonly name = 'InvalidIdentity';
}

function key(secret: string): Uint8Array {
  if (secret.length < 32) throw new InvalidIdentity('INTERNAL_AUTH_SECRET must be at least 32 characters');
  return new TextEncoder().encode(secret);
}

/**
 * A short-lived token (HS256 with the secret the gateway shares with the services) stating who the
 * gateway verified. Short-lived so that a token copied from a log cannot be replayed for long.
 */
export function signIdentity(identity: Identity, secret: string, ttlSeconds = 60): Promise<string> {
  return new SignJWT({ name: identity.name, roles: identity.roles, unit: identity.unitCode })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.nip)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

export async function verifyIdentity(token: string, secret: string): Promise<Identity> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    if (!payload.sub || typeof payload.unit !== 'string' || roles.length === 0) throw new InvalidIdentity('incomplete identity');
    return { nip: payload.sub, name: typeof payload.name === 'string' ? payload.name : '', roles, unitCode: payload.unit };
  } catch (error) {
    throw error instanceof InvalidIdentity ? error : new InvalidIdentity((error as Error).message);
  }
}
