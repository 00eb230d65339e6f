import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentIdentity, type Identity } from '@app/auth';
import { EmployeeAccess } from '../common/employee-access';
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
  republish(@CurrentIdentity() who: Identity) {
    this.access.assertCanManageOrganisation(who);
    return this.republisher.republish();
  }
}
