import { canManageOrganisation, type Identity } from '@app/auth';
import { ApiError } from '@app/service-kit';

/** The TPP rules decide every employee's allowance: only BKD admins read and change them. */
export function assertAdmin(who: Identity): void {
  if (!canManageOrganisation(who)) throw new ApiError(403, 'Hanya admin BKD yang dapat mengelola aturan TPP');
}
