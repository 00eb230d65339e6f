import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CurrentIdentity, type Identity } from '@app/auth';
import { ApiError, JobViewResponse } from '@app/service-kit';
import { ImportService } from './import.service';
import { SIASN_COLUMNS } from './siasn-csv';

@ApiTags('imports')
@Controller('imports')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  /**
   * Starts a bulk registration from SIASN's "Export Data ASN" CSV as a job; follow it at GET /jobs/{id}
   * (progress and row errors). An operator's import registers only employees of their unit and below.
   */
  @Post('employees')
  @HttpCode(202)
  @ApiConsumes('text/csv')
  @ApiBody({ description: `CSV with the SIASN columns ${Object.keys(SIASN_COLUMNS).join(', ')} (others are ignored)`, schema: { type: 'string' } })
  @ApiAcceptedResponse({ type: JobViewResponse })
  start(@CurrentIdentity() who: Identity, @Body() csv: unknown): Promise<JobViewResponse> {
    const admin = who.roles.includes('ADMIN_BKD');
    if (!admin && !who.roles.includes('OPERATOR_OPD')) throw new ApiError(403, 'Hanya admin BKD dan operator OPD yang dapat mengimpor data pegawai');
    if (typeof csv !== 'string' || csv.trim() === '')
      throw new ApiError(400, 'Kirim berkas CSV dengan Content-Type text/csv', [{ field: 'file', message: 'wajib diisi' }]);
    return this.imports.start(csv, who.nip, admin ? undefined : who.unitCode);
  }
}
