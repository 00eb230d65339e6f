import { CurrentIdentity, type Identity } from '@app/auth';
import { JobViewResponse, monthParam } from '@app/service-kit';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { isAdmin, TrkAccess } from '../common/trk-access';
import { MonthCloseService } from './month-close.service';
import { MonthStatusResponse } from './month.responses';

@ApiTags('months')
@Controller('months')
export class MonthController {
  constructor(
    private readonly months: MonthCloseService,
    private readonly access: TrkAccess,
  ) {}

  /**
   * Freezes every employee's score of the month and publishes one trk.performance month-closed event
   * each (BKD admins only); closing again publishes only what changed. A job: follow it at GET /jobs/{id}.
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
    return this.months.status(monthParam(month), isAdmin(who));
  }
}
