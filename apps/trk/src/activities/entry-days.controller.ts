import { CurrentIdentity, type Identity } from '@app/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { EntryDaysResponse } from './entry-days.responses';
import { EntryDaysService } from './entry-days.service';

@ApiTags('activities')
@Controller('activities/entry-days')
export class EntryDaysController {
  constructor(private readonly entryDays: EntryDaysService) {}

  /**
   * The dates the caller may enter their own activities for now (server time, WITA), with each date's
   * deadline, working minutes and minutes entered so far; and why today is closed when it is.
   */
  @Get()
  @ApiOkResponse({ type: EntryDaysResponse })
  list(@CurrentIdentity() who: Identity): Promise<EntryDaysResponse> {
    return this.entryDays.forEmployee(who.nip);
  }
}
