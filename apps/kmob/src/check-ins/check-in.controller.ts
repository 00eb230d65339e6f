import { CurrentIdentity, type Identity } from '@app/auth';
import { ApiError, JobStore, JobViewResponse, monthParam } from '@app/service-kit';
import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { KmobAccess } from '../common/kmob-access';
import { LocalClock } from '../common/local-clock';
import { CheckInDto } from './check-in.dto';
import { CheckInRecordResponse, CheckInResponse } from './check-in.responses';
import { CheckInService } from './check-in.service';
import { MACHINE_LOG_IMPORT, type MachineLogImportInput } from './machine-log-import.job';
import { parseMachineLog } from './machine-log-csv';

@ApiTags('check-ins')
@Controller('check-ins')
export class CheckInController {
  constructor(
    private readonly checkIns: CheckInService,
    private readonly jobs: JobStore,
    private readonly access: KmobAccess,
    private readonly clock: LocalClock,
  ) {}

  /**
   * The employee's own check-in or check-out, at server time, or at the phone's time (capturedAt) for one
   * made without signal and sent within the offline window. A refusal is 422 with the reason (and the
   * distance, or the field capturedAt); the same clientId sent again answers the stored check-in with 200.
   */
  @Post()
  @ApiCreatedResponse({ type: CheckInResponse, description: 'Stored' })
  @ApiOkResponse({ type: CheckInResponse, description: 'Already stored under this clientId: the stored check-in' })
  async checkIn(@CurrentIdentity() who: Identity, @Body() dto: CheckInDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<CheckInResponse> {
    const { checkIn, created } = await this.checkIns.checkIn(who.nip, dto);
    if (!created) void reply.status(200);
    return checkIn;
  }

  @Get()
  @ApiQuery({ name: 'nip', required: false, description: 'Default: the caller' })
  @ApiQuery({ name: 'month', required: false, description: 'YYYY-MM; default: this month' })
  @ApiOkResponse({ type: [CheckInRecordResponse] })
  async list(@CurrentIdentity() who: Identity, @Query('nip') nip?: string, @Query('month') month?: string): Promise<CheckInRecordResponse[]> {
    await this.access.assertCanRead(who, nip ?? who.nip);
    return this.checkIns.list(nip ?? who.nip, monthParam(month ?? this.clock.today().slice(0, 7)));
  }

  /**
   * Attendance-machine logs (columns NIP, WAKTU, JENIS) imported as a job; follow it at GET /jobs/{id} (progress
   * and row errors). An operator imports logs of their unit and below; nobody imports their own.
   */
  @Post('import')
  @HttpCode(202)
  @ApiConsumes('text/csv')
  @ApiBody({
    description: 'CSV with the columns NIP, WAKTU (local "YYYY-MM-DD HH:MM[:SS]" or ISO 8601 with offset) and JENIS (IN/MASUK or OUT/PULANG)',
    schema: { type: 'string' },
  })
  @ApiAcceptedResponse({ type: JobViewResponse })
  startImport(@CurrentIdentity() who: Identity, @Body() csv: unknown) {
    const admin = who.roles.includes('ADMIN_BKD');
    if (!admin && !who.roles.includes('OPERATOR_OPD')) throw new ApiError(403, 'Hanya admin BKD dan operator OPD yang dapat mengimpor log mesin presensi');
    if (typeof csv !== 'string' || csv.trim() === '')
      throw new ApiError(400, 'Kirim berkas CSV dengan Content-Type text/csv', [{ field: 'file', message: 'wajib diisi' }]);
    const rows = parseMachineLog(csv); // a file that cannot be read at all is refused at once
    const input: MachineLogImportInput = admin ? { by: who.nip } : { by: who.nip, withinUnit: who.unitCode };
    return this.jobs.enqueue(MACHINE_LOG_IMPORT, input, {
      createdBy: who.nip,
      payload: csv,
      progress: { total: rows.length, processed: 0, imported: 0, unchanged: 0, failed: 0 },
    });
  }
}
