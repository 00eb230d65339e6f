import { CurrentIdentity, type Identity } from '@app/auth';
import { monthParam, notFound } from '@app/service-kit';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { KmobAccess } from '../common/kmob-access';
import { MonthCloseService } from './month-close.service';

@ApiTags('months')
@Controller('months')
export class MonthController {
  constructor(
    private readonly months: MonthCloseService,
    private readonly access: KmobAccess,
  ) {}

  /**
   * Freezes the month and publishes one kmob.discipline event per employee; closing again publishes only
   * what changed. Runs as a job: follow it at GET /jobs/{id}.
   */
  @Post(':month/close')
  @HttpCode(202)
  close(@CurrentIdentity() who: Identity, @Param('month') month: string) {
    this.access.assertAdmin(who);
    return this.months.start(monthParam(month), who.nip);
  }

  @Get(':month')
  status(@CurrentIdentity() who: Identity, @Param('month') month: string) {
    return this.months.status(monthParam(month), who.roles.includes('ADMIN_BKD'));
  }

  /** The published (frozen) summary of a closed month, latest version. */
  @Get(':month/summaries/:nip')
  async published(@CurrentIdentity() who: Identity, @Param('month') month: string, @Param('nip') nip: string) {
    await this.access.assertCanRead(who, nip);
    const published = await this.months.published(monthParam(month), nip);
    if (!published) throw notFound(`Rekap bulan ${month} untuk ${nip}`);
    return published;
  }
}
