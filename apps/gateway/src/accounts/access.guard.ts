import { SetMetadata, type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Public, PUBLIC_ROUTE, type Identity, type Role } from '@app/auth';
import { ApiError } from '@app/service-kit';
import { AuthService } from './auth.service';

const ROLES_KEY = 'gateway:roles';

/** Needs any of these roles. */
export const RequireRoles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** No access token needed (login, refresh, activation, health): the same marker services use. */
export const Open = Public;

type AuthedRequest = { headers: Record<string, string | string[] | undefined>; identity?: Identity };

export async function identityFromBearer(auth: AuthService, header: string | string[] | undefined): Promise<Identity> {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer (\S+)$/i.exec(value ?? '');
  if (!match) throw new ApiError(401, 'Silakan masuk terlebih dahulu');
  let identity: Identity | null;
  try {
    identity = await auth.authenticate(match[1]);
  } catch {
    identity = null;
  }
  if (!identity) throw new ApiError(401, 'Token akses tidak sah, kedaluwarsa atau sesinya telah berakhir; silakan masuk kembali');
  return identity;
}

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = ctx.switchToHttp().getRequest<AuthedRequest>();
    request.identity = await identityFromBearer(this.auth, request.headers.authorization);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((r) => request.identity!.roles.includes(r))) throw new ApiError(403, 'Anda tidak berhak melakukan tindakan ini');
    return true;
  }
}
