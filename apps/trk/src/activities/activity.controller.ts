import { CurrentIdentity, type Identity } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ActivityEntryService } from './activity-entry.service';
import { ActivityQueries } from './activity-queries.service';
import { ActivityVerificationService } from './activity-verification.service';
import { ActivityQueryDto, RecordActivityDto, VerifyActivitiesDto } from './activity.dto';
import { ActivityResponse, PendingActivityResponse, VerifyActivitiesResponse } from './activity.responses';

const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

@ApiTags('activities')
@Controller('activities')
export class ActivityController {
  constructor(
    private readonly entries: ActivityEntryService,
    private readonly verification: ActivityVerificationService,
    private readonly queries: ActivityQueries,
  ) {}

  /**
   * The caller's own activity, at server time (WITA): today's before the cut-off, or a date inside an
   * open back-dating window. A refusal by the rules is 422 naming `date` or `minutes` with the reason.
   */
  @Post()
  @ApiCreatedResponse({ type: ActivityResponse })
  record(@CurrentIdentity() who: Identity, @Body() dto: RecordActivityDto): Promise<ActivityResponse> {
    return this.entries.record(who, dto);
  }

  /** An employee's entries of a month: their own, their atasan's, their operators' and BKD's to read. */
  @Get()
  @ApiOkResponse({ type: [ActivityResponse] })
  list(@CurrentIdentity() who: Identity, @Query() query: ActivityQueryDto): Promise<ActivityResponse[]> {
    return this.queries.month(who, query.nip, query.month);
  }

  /** The caller's verification inbox: pending entries of the employees they verify, oldest first, overdue flagged. */
  @Get('pending')
  @ApiOkResponse({ type: [PendingActivityResponse] })
  pending(@CurrentIdentity() who: Identity): Promise<PendingActivityResponse[]> {
    return this.queries.pending(who);
  }

  /**
   * Approve, reduce (with the minutes that count and a reason) or reject (with a reason) 1–500 entries,
   * all or none: 403 naming the first entry the caller may not verify, 409 the first already decided.
   */
  @Post('verify')
  @HttpCode(200)
  @ApiOkResponse({ type: VerifyActivitiesResponse })
  verify(@CurrentIdentity() who: Identity, @Body() dto: VerifyActivitiesDto): Promise<VerifyActivitiesResponse> {
    return this.verification.verify(who, dto);
  }

  @Get(':id/evidence')
  @ApiOkResponse({
    description: 'The evidence file of the entry',
    content: Object.fromEntries(Object.keys(EXTENSION).map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  })
  async evidence(@CurrentIdentity() who: Identity, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.queries.evidence(who, id);
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${id.toLowerCase()}.${EXTENSION[file.contentType] ?? 'bin'}"`)
      .header('cache-control', 'private, max-age=3600')
      .send(file.bytes);
  }
}
