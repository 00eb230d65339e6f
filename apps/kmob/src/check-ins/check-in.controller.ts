import { CurrentIdentity, type Identity } from '@app/auth';
import { ApiError, monthParam } from '@app/service-kit';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { KmobAccess } from '../common/kmob-access';
import { LocalClock } from '../common/local-clock';
import { CheckInDto } from './check-in.dto';
import { CheckInService } from './check-in.service';
import { MachineLogImportService } from './machine-log-import.service';

@ApiTags('check-ins')
@Controller('check-ins')
export class CheckInController {
  constructor(
    private readonly checkIns: CheckInService,
    private readonly imports: MachineLogImportService,
    private readonly access: KmobAccess,
    private readonly clock: LocalClock,
  ) {}

  /** The employee's own check-in or check-out, at server time. A refusal is 422 with the reason and distance. */
  @Post()
  checkIn(@CurrentIdentity() who: Identity, @Body() dto: CheckInDto) {
    return this.checkIns.checkIn(who.nip, dto);
  }

  @Get()
  async list(@CurrentIdentity() who: Identity, @Query('nip') nip?: string, @Query('month') month?: string) {
    await this.access.assertCanRead(who, nip ?? who.nip);
    return this.checkIns.list(nip ?? who.nip, monthParam(month ?? this.clock.today().slice(0, 7)));
  }

  /** Attendance-machine logs (columns NIP, WAKTU, JENIS); poll GET /check-ins/import/{id} for progress and row errors. */
  @Post('import')
  @HttpCode(202)
  @ApiConsumes('text/csv')
  @ApiBody({ description: 'CSV with the columns NIP, WAKTU (local "YYYY-MM-DD HH:MM[:SS]" or ISO 8601 with offset) and JENIS (IN/MASUK or OUT/PULANG)', schema: { type: 'string' } })
  startImport(@CurrentIdentity() who: Identity, @Body() csv: unknown) {
    this.access.assertAdmin(who);
    if (typeof csv !== 'string' || csv.trim() === '') throw new ApiError(400, 'Kirim berkas CSV dengan Content-Type text/csv', [{ field: 'file', message: 'wajib diisi' }]);
    return this.imports.start(csv);
  }

  @Get('import/:id')
  importJob(@CurrentIdentity() who: Identity, @Param('id') id: string) {
    this.access.assertAdmin(who);
    return this.imports.get(id);
  }
}
