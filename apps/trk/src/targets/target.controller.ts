import { CurrentIdentity, type Identity } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ProposeTargetDto, RejectTargetDto, TargetQueryDto } from './target.dto';
import { TargetResponse } from './target.responses';
import { TargetService } from './target.service';

@ApiTags('targets')
@Controller('targets')
export class TargetController {
  constructor(private readonly targets: TargetService) {}

  /**
   * The caller's own IKI target for a year or a month, tied to catalogue activities of their position;
   * it counts once their atasan agrees. A period already over, or an activity not of their position, is 422.
   */
  @Post()
  @ApiCreatedResponse({ type: TargetResponse })
  propose(@CurrentIdentity() who: Identity, @Body() dto: ProposeTargetDto): Promise<TargetResponse> {
    return this.targets.propose(who, dto);
  }

  /** By whoever verifies the employee's activities (the atasan), never the employee; 409 once decided. */
  @Post(':id/agree')
  @HttpCode(200)
  @ApiOkResponse({ type: TargetResponse })
  agree(@CurrentIdentity() who: Identity, @Param('id') id: string): Promise<TargetResponse> {
    return this.targets.agree(who, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: TargetResponse })
  reject(@CurrentIdentity() who: Identity, @Param('id') id: string, @Body() dto: RejectTargetDto): Promise<TargetResponse> {
    return this.targets.reject(who, id, dto.reason);
  }

  /** An employee's targets with their achievement: their own, their atasan's, their operators' and BKD's to read. */
  @Get()
  @ApiOkResponse({ type: [TargetResponse] })
  list(@CurrentIdentity() who: Identity, @Query() query: TargetQueryDto): Promise<TargetResponse[]> {
    return this.targets.list(who, query.nip, query.period);
  }
}
