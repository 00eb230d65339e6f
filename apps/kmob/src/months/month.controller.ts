import { CurrentIdentity, type Identity } from '@app/auth';
import { JobViewResponse, monthParam, notFound } from '@app/service-kit';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { KmobAccess } from '../common/kmob-access';
import { MonthCloseService } from './month-close.service';
import { MonthStatusResponse, PublishedSummaryResponse } from './month.responses';

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
  @ApiAcceptedResponse({ type: JobViewResponse })
  close(@CurrentIdentity() who: Identity, @Param('month') month: string): Promise<JobViewResponse> {
    this.access.assertAdmin(who);
    return this.months.start(monthParam(month), who.nip);
  }

  /** Whether the month is closed, for everyone; who closed it and the runs only for admins. */
  @Get(':month')
  @ApiOkResponse({ type: MonthStatusResponse })
  status(@CurrentIdentity() who: Identity, @Param('month') month: string): Promise<MonthStatusResponse> {
    return this.months.status(monthParam(month), who.roles.includes('ADMIN_BKD'));
  }

  /** The published (frozen) summary of a closed month, latest version. */
  @Get(':month/summaries/:nip')
  @ApiOkResponse({ type: PublishedSummaryResponse })
  async published(@CurrentIdentity() who: Identity, @Param('month') month: string, @Param('nip') nip: string): Promise<PublishedSummaryResponse> {
    await this.access.assertCanRead(who, nip);
    const published = await this.months.published(monthParam(month), nip);
    if (!published) throw notFound(`Rekap bulan ${month} untuk ${nip}`);
    return published;
  }
}
