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
    try {
      request.identity = await verifyIdentity(token, this.secret);
    } catch {
      throw new UnauthenticatedError('invalid identity');
    }
    return true;
  }
}
