import { CurrentIdentity, type Identity } from '@app/auth';
import { yearParam } from '@app/service-kit';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { KmobAccess } from '../common/kmob-access';
import { LocalClock } from '../common/local-clock';
import { LeaveBalances } from './leave-balance';
import { CreateRequestDto, DecisionDto, RequestQueryDto } from './request.dto';
import { LeaveBalanceResponse, RequestResponse } from './request.responses';
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
  @ApiCreatedResponse({ type: RequestResponse })
  create(@CurrentIdentity() who: Identity, @Body() dto: CreateRequestDto): Promise<RequestResponse> {
    return this.requests.create(who, dto);
  }

  /** The caller's own requests and those they may decide; ?decidable=true is the approvals inbox (pending requests of others, with the employee's name). */
  @Get('requests')
  @ApiOkResponse({ type: [RequestResponse] })
  list(@CurrentIdentity() who: Identity, @Query() query: RequestQueryDto): Promise<RequestResponse[]> {
    return this.requests.list(who, query);
  }

  @Get('requests/:id')
  @ApiOkResponse({ type: RequestResponse })
  get(@CurrentIdentity() who: Identity, @Param('id') id: string): Promise<RequestResponse> {
    return this.requests.get(who, id);
  }

  @Post('requests/:id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: RequestResponse })
  approve(@CurrentIdentity() who: Identity, @Param('id') id: string): Promise<RequestResponse> {
    return this.requests.approve(who, id);
  }

  @Post('requests/:id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: RequestResponse })
  reject(@CurrentIdentity() who: Identity, @Param('id') id: string, @Body() dto: DecisionDto): Promise<RequestResponse> {
    return this.requests.reject(who, id, dto.note);
  }

  @Post('requests/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: RequestResponse })
  cancel(@CurrentIdentity() who: Identity, @Param('id') id: string): Promise<RequestResponse> {
    return this.requests.cancel(who, id);
  }

  @Get('leave-balances/:nip')
  @ApiQuery({ name: 'year', required: false, description: 'Default: this year' })
  @ApiOkResponse({ type: LeaveBalanceResponse })
  async balance(@CurrentIdentity() who: Identity, @Param('nip') nip: string, @Query('year') year?: string): Promise<LeaveBalanceResponse> {
    const employee = await this.access.assertCanRead(who, nip);
    return this.balances.annual(nip, yearParam(year ?? this.clock.today().slice(0, 4)), employee.tmtCpns);
  }
}
