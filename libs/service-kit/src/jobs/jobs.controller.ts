import { CurrentIdentity, type Identity } from '@app/auth';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../errors';
import { JobStore } from './job-store';
import { JobViewResponse } from './job.responses';

/** GET /api/v1/<service>/jobs/{id}: every service's background work in one shape, for whoever started it and for BKD. */
@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(@Inject(JobStore) private readonly jobs: JobStore) {}

  @Get(':id')
  @ApiQuery({ name: 'errorsFrom', required: false, description: 'Line to list row errors from (100 at a time)' })
  @ApiOkResponse({ type: JobViewResponse })
  async get(@CurrentIdentity() who: Identity, @Param('id') id: string, @Query('errorsFrom') errorsFrom?: string): Promise<JobViewResponse> {
    const from = errorsFrom === undefined ? 0 : Number(errorsFrom);
    if (!Number.isInteger(from) || from < 0 || from > 10_000_000)
      throw new ApiError(400, 'Data tidak valid: errorsFrom harus bilangan bulat ≥ 0', [{ field: 'errorsFrom', message: 'harus bilangan bulat ≥ 0' }]);
    const job = await this.jobs.view(id, from);
    if (job.createdBy !== who.nip && !who.roles.includes('ADMIN_BKD'))
      throw new ApiError(403, 'Hanya yang memulai pekerjaan ini dan admin BKD yang dapat melihatnya');
    return job;
  }
}
