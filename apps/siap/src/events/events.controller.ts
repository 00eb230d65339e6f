import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RepublishService } from './republish.service';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly republisher: RepublishService) {}

  /** Queues a snapshot event for every unit, position and employee; returns how many. */
  @Post('republish')
  @HttpCode(202)
  republish() {
    return this.republisher.republish();
  }
}
