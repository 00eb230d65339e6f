import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CurrentIdentity, type Identity } from '@app/auth';
import { ApiError } from '@app/service-kit';
import { EmployeeAccess } from '../common/employee-access';
import { ImportService } from './import.service';
import { SIASN_COLUMNS } from './siasn-csv';

@ApiTags('imports')
@Controller('imports')
export class ImportController {
  constructor(
    private readonly imports: ImportService,
    private readonly access: EmployeeAccess,
  ) {}

  /** Starts a bulk registration from SIASN's "Export Data ASN" CSV as a job; follow it at GET /jobs/{id} (progress and row errors). */
  @Post('employees')
  @HttpCode(202)
  @ApiConsumes('text/csv')
  @ApiBody({ description: `CSV with the SIASN columns ${Object.keys(SIASN_COLUMNS).join(', ')} (others are ignored)`, schema: { type: 'string' } })
  start(@CurrentIdentity() who: Identity, @Body() csv: unknown) {
    this.access.assertCanManageOrganisation(who);
    if (typeof csv !== 'string' || csv.trim() === '')
      throw new ApiError(400, 'Kirim berkas CSV dengan Content-Type text/csv', [{ field: 'file', message: 'wajib diisi' }]);
    return this.imports.start(csv, who.nip);
  }
}
