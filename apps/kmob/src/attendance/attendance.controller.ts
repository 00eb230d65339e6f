import { CurrentIdentity, type Identity } from '@app/auth';
import { monthParam } from '@app/service-kit';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { MonthCloseService } from '../months/month-close.service';
import { KmobAccess } from '../common/kmob-access';
import { LocalClock } from '../common/local-clock';
import { DaysResponse, SummaryResponse } from './attendance.responses';
import { DayResolver } from './day-resolver';

/** Each day's status and the month's summary, as they stand now (closed months: GET /months/{month}/summaries/{nip}). */
@ApiTags('attendance')
@Controller()
export class AttendanceController {
  constructor(
    private readonly resolver: DayResolver,
    private readonly access: KmobAccess,
    private readonly clock: LocalClock,
    private readonly months: MonthCloseService,
  ) {}

  @Get('days')
  @ApiQuery({ name: 'nip', required: false, description: 'Default: the caller' })
  @ApiQuery({ name: 'month', required: false, description: 'YYYY-MM; default: this month' })
  @ApiOkResponse({ type: DaysResponse })
  async days(@CurrentIdentity() who: Identity, @Query('nip') nip?: string, @Query('month') month?: string): Promise<DaysResponse> {
    const { target, m, today } = await this.target(who, nip, month);
    const days = (await this.resolver.resolve([target], m, { until: today, today })).get(target)!;
    return { nip: target, month: m, days };
  }

  @Get('summaries')
  @ApiQuery({ name: 'nip', required: false })
  @ApiQuery({ name: 'month', required: false })
  @ApiOkResponse({ type: SummaryResponse })
  async summary(@CurrentIdentity() who: Identity, @Query('nip') nip?: string, @Query('month') month?: string): Promise<SummaryResponse> {
    const { target, m, today } = await this.target(who, nip, month);
    const days = (await this.resolver.resolve([target], m, { until: today, today })).get(target)!;
    const summary = this.resolver.summarise(target, m, days, await this.resolver.monthRules(m));
    const closed = await this.months.published(m, target);
    return { ...summary, closedVersion: closed?.version ?? null, complete: m < today.slice(0, 7) };
  }

  private async target(who: Identity, nip: string | undefined, month: string | undefined) {
    const target = nip ?? who.nip;
    await this.access.assertCanRead(who, target);
    return { target, m: monthParam(month ?? this.clock.today().slice(0, 7)), today: this.clock.today() };
  }
}
