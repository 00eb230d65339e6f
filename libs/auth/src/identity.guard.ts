import { createParamDecorator, Inject, UnauthorizedException, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Identity } from './identity';
import { IDENTITY_HEADER, verifyIdentity } from './internal-token';

export const INTERNAL_AUTH_SECRET = Symbol('INTERNAL_AUTH_SECRET');
export const PUBLIC_ROUTE = 'asn:public';

/** Routes anyone may call without an identity (health checks, metrics, API docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

type RequestWithIdentity = { headers: Record<string, string | string[] | undefined>; identity?: Identity };

/** The identity the guard verified for this request. */
export const CurrentIdentity = createParamDecorator((_data: unknown, ctx: ExecutionContext): Identity => {
  return ctx.switchToHttp().getRequest<RequestWithIdentity>().identity as Identity;
});

/** 401; the platform's error filter words it for staff. */
export class UnauthenticatedError extends UnauthorizedException {}

/**
 * Every service's first line: a request without a valid gateway identity is refused with 401, so a
 * service reached directly, bypassing the gateway, gives nothing away.
 */
@Injectable()
export class IdentityGuard implements CanActivate {
  /**
   * Verified tokens until they expire: the gateway reuses a signed identity for a while, so a busy
   * service checks each HMAC once instead of on every request.
   */
  private readonly verified = new Map<string, { identity: Identity; expiresAt: number }>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(INTERNAL_AUTH_SECRET) private readonly secret: string,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [ctx.getHandler(), ctx.getClass()])) return true;
    const request = ctx.switchToHttp().getRequest<RequestWithIdentity>();
    const header = request.headers[IDENTITY_HEADER];
    const token = Array.isArray(header) ? header[0] : header;
    if (!token) throw new UnauthenticatedError('missing identity');
    const cached = this.verified.get(token);
    if (cached && cached.expiresAt > Date.now()) {
      request.identity = cached.identity;
      return true;
    }
    try {
      request.identity = await verifyIdentity(token, this.secret);
    } catch {
      throw new UnauthenticatedError('invalid identity');
    }
    if (this.verified.size >= 10_000) this.verified.clear();
    this.verified.set(token, { identity: request.identity, expiresAt: expiryOf(token) });
    return true;
  }
}

/** The token's own `exp` (already verified), in milliseconds. */
function expiryOf(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp?: number };
  return (payload.exp ?? 0) * 1000;
}
