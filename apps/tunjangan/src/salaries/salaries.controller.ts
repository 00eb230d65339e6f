import { CurrentIdentity, type Identity } from '@app/auth';
import { ApiError, monthParam, nipParam } from '@app/service-kit';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { assertAdmin } from '../common/tunjangan-access';
import { SalaryImportResponse, SalaryResponse } from './salaries.responses';
import { MAX_SALARY_ROWS, parseSalaryCsv, SALARY_COLUMNS } from './salary-csv';
import { SalaryStore } from './salary.store';

const ONLY_ADMIN = 'Hanya admin BKD yang dapat mengimpor dan melihat data gaji';

/**
 * The payment month's salary figures from SIMGAJI, imported by BKD: the base of BPJS on TPP and of
 * PPh 21. A file of the whole province (some 36,000 rows) is read and stored at once, in one
 * transaction, in well under a second, so not as a background job.
 */
@ApiTags('salaries')
@Controller('salaries')
export class SalariesController {
  constructor(private readonly salaries: SalaryStore) {}

  /**
   * Valid rows are stored (each month+NIP inserted or replaced, with who imported it and when); every
   * invalid row is reported with its line and problems and stored nowhere. A file that cannot be read
   * at all (a required column missing, no rows, more than the limit) is refused with 400.
   */
  @Post(':month')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    description: `CSV (';' or ',' separated) with the columns ${SALARY_COLUMNS.map((c) => (c.required ? c.label : `${c.label} (optional)`)).join(', ')}; other columns are ignored. Amounts in whole rupiah (3920000 or 3.920.000), STATUS PTKP TK/0…K/3, at most ${MAX_SALARY_ROWS} rows.`,
    schema: { type: 'string' },
  })
  @ApiOkResponse({ type: SalaryImportResponse })
  async import(@CurrentIdentity() who: Identity, @Param('month') month: string, @Body() csv: unknown): Promise<SalaryImportResponse> {
    assertAdmin(who, ONLY_ADMIN);
    monthParam(month);
    if (typeof csv !== 'string' || csv.trim() === '')
      throw new ApiError(400, 'Kirim berkas CSV dengan Content-Type text/csv', [{ field: 'file', message: 'wajib diisi' }]);
    const { rows, errors } = parseSalaryCsv(csv);
    await this.salaries.upsert(month, rows, who.nip);
    return { month, stored: rows.length, rejected: errors.length, errors };
  }

  @Get(':month')
  @ApiQuery({ name: 'nip', required: false, description: 'Only this employee' })
  @ApiOkResponse({ type: [SalaryResponse] })
  list(@CurrentIdentity() who: Identity, @Param('month') month: string, @Query('nip') nip?: string): Promise<SalaryResponse[]> {
    assertAdmin(who, ONLY_ADMIN);
    return this.salaries.list(monthParam(month), nip === undefined ? undefined : nipParam(nip));
  }
}
