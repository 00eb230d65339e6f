import type { EmployeeChange, SiapProjectionHooks } from '@app/siap-read-model';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuthService } from '../accounts/auth.service';
import { LiveSessions } from '../accounts/live-sessions';

/**
 * The gateway's follow-up of SIAP's employee changes (its copy of SIAP is libs/siap-read-model): a new
 * employee gets an inactive account with PEGAWAI; one who leaves service is disabled and logged out
 * everywhere; a transfer makes tokens issued before it be checked afresh (an operator's scope moved).
 */
@Injectable()
export class AccountChanges implements SiapProjectionHooks {
  constructor(
    private readonly auth: AuthService,
    private readonly live: LiveSessions,
  ) {}

  async onEmployee({ employee: e }: EmployeeChange, m: EntityManager): Promise<void> {
    const active = e.status === 'AKTIF';
    const [account] = (await m.query(
      `WITH old AS (SELECT status, unit_code FROM account WHERE nip = $1),
       up AS (
         INSERT INTO account (nip, name, unit_code, status, roles) VALUES ($1, $2, $3, $4, ARRAY['PEGAWAI'])
         ON CONFLICT (nip) DO UPDATE SET name = $2, unit_code = $3,
           status = CASE WHEN NOT $5 THEN 'DISABLED' WHEN account.status = 'DISABLED' THEN 'INACTIVE' ELSE account.status END
         RETURNING status, unit_code)
       SELECT (SELECT status FROM old) AS old_status, (SELECT unit_code FROM old) AS old_unit, up.status, up.unit_code FROM up`,
      [e.nip, e.name, e.unitCode, active ? 'INACTIVE' : 'DISABLED', active],
    )) as { old_status: string | null; old_unit: string | null; status: string; unit_code: string }[];
    if (!active && account.old_status !== 'DISABLED') await this.auth.endAllSessions(m, e.nip);
    else if (active && account.old_status !== null && (account.old_unit !== account.unit_code || account.old_status !== account.status))
      await this.live.record(m, e.nip);
  }
}
