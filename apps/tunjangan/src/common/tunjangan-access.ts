import { canManageOrganisation, type Identity } from '@app/auth';
import { ApiError } from '@app/service-kit';

/** The TPP rules and the salary figures decide every employee's allowance: only BKD admins read and change them. */
export function assertAdmin(who: Identity, message = 'Hanya admin BKD yang dapat mengelola aturan TPP'): void {
  if (!canManageOrganisation(who)) throw new ApiError(403, message);
}
