import { CurrentIdentity, type Identity } from '@app/auth';
import { ApiError, dateParam } from '@app/service-kit';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { KmobAccess } from '../common/kmob-access';
import { LocalClock } from '../common/local-clock';
import { RecapResponse } from './recap.responses';
import { RecapService } from './recap.service';

@ApiTags('recap')
@Controller('recap')
export class RecapController {
  constructor(
    private readonly recaps: RecapService,
    private readonly access: KmobAccess,
    private readonly clock: LocalClock,
  ) {}

  /** BKD sees the province (or any unit); an operator their own unit and below. */
  @Get()
  @ApiQuery({ name: 'date', required: false, description: 'YYYY-MM-DD; default: today' })
  @ApiQuery({ name: 'unitCode', required: false, description: 'Default: the whole province (BKD) or the operator’s unit' })
  @ApiOkResponse({ type: RecapResponse })
  async recap(@CurrentIdentity() who: Identity, @Query('date') date?: string, @Query('unitCode') unitCode?: string): Promise<RecapResponse> {
    const day = dateParam(date ?? this.clock.today(), 'date');
    if (who.roles.includes('ADMIN_BKD')) {
      if (unitCode) await this.access.unitPath(unitCode);
      return this.recaps.recap(day, unitCode ?? null);
    }
    if (!who.roles.includes('OPERATOR_OPD')) throw new ApiError(403, 'Rekap kehadiran hanya untuk admin BKD dan operator OPD');
    const unit = unitCode ?? who.unitCode;
    await this.access.assertCanManageUnit(who, unit);
    return this.recaps.recap(day, unit);
  }
}
