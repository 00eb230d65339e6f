import { CurrentIdentity, type Identity } from '@app/auth';
import { yearParam } from '@app/service-kit';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { KmobAccess } from '../common/kmob-access';
import { LocalClock } from '../common/local-clock';
import { LeaveBalances } from './leave-balance';
import { CreateRequestDto, DecisionDto, RequestQueryDto } from './request.dto';
import { RequestService } from './request.service';

@ApiTags('requests')
@Controller()
export class RequestController {
  constructor(
    private readonly requests: RequestService,
    private readonly balances: LeaveBalances,
    private readonly access: KmobAccess,
    private readonly clock: LocalClock,
  ) {}

  @Post('requests')
  create(@CurrentIdentity() who: Identity, @Body() dto: CreateRequestDto) {
    return this.requests.create(who, dto);
  }

  @Get('requests')
  list(@CurrentIdentity() who: Identity, @Query() query: RequestQueryDto) {
    return this.requests.list(who, query);
  }

  @Get('requests/:id')
  get(@CurrentIdentity() who: Identity, @Param('id') id: string) {
    return this.requests.get(who, id);
  }

  @Post('requests/:id/approve')
  @HttpCode(200)
  approve(@CurrentIdentity() who: Identity, @Param('id') id: string) {
    return this.requests.approve(who, id);
  }

  @Post('requests/:id/reject')
  @HttpCode(200)
  reject(@CurrentIdentity() who: Identity, @Param('id') id: string, @Body() dto: DecisionDto) {
    return this.requests.reject(who, id, dto.note);
  }

  @Post('requests/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentIdentity() who: Identity, @Param('id') id: string) {
    return this.requests.cancel(who, id);
  }

  @Get('leave-balances/:nip')
  async balance(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Query('year') year?: string) {
    const employee = await this.access.assertCanRead(who, nip);
    return this.balances.annual(nip, yearParam(year ?? this.clock.today().slice(0, 4)), employee.tmtCpns);
  }
}
