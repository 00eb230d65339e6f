import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentIdentity, type Identity } from '@app/auth';
import { EmployeeAccess } from '../common/employee-access';
import { RepublishResponse } from './events.responses';
import { RepublishService } from './republish.service';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly republisher: RepublishService,
    private readonly access: EmployeeAccess,
  ) {}

  /** Queues a snapshot event for every unit, position and employee; returns how many. */
  @Post('republish')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RepublishResponse })
  republish(@CurrentIdentity() who: Identity): Promise<RepublishResponse> {
    this.access.assertCanManageOrganisation(who);
    return this.republisher.republish();
  }
}
