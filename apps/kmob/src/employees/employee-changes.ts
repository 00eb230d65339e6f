import type { EmployeeChange, SiapProjectionHooks } from '@app/siap-read-model';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LocalClock, monthStartsBetween } from '../common/local-clock';
import { MonthCloseService } from '../months/month-close.service';

/**
 * K-Mob's follow-up of SIAP's employee changes (its copy of SIAP is libs/siap-read-model): a decree
 * back-dated into closed months (a mutasi signed late, a termination) corrects those months.
 */
@Injectable()
export class EmployeeChanges implements SiapProjectionHooks {
  constructor(
    private readonly clock: LocalClock,
    private readonly months: MonthCloseService,
  ) {}

  async onEmployee(change: EmployeeChange, m: EntityManager): Promise<void> {
    if (change.isNew || !change.unitChangedFrom) return; // first sight: nothing of theirs was summarised yet
    await this.months.correct(
      m,
      monthStartsBetween(change.unitChangedFrom, this.clock.today()).map((date) => ({ nip: change.employee.nip, date })),
    );
  }
}
