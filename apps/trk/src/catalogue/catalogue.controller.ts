import { CurrentIdentity, type Identity } from '@app/auth';
import { ApiError, invalid } from '@app/service-kit';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CatalogueActivityDto, CODE, CODE_MESSAGE, POSITION_TYPE } from './catalogue.dto';
import { CatalogueImportResponse, CatalogueActivityResponse } from './catalogue.responses';
import { CatalogueService } from './catalogue.service';

@ApiTags('catalogue')
@Controller('catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  /** The activities an employee of a position may enter (its own and its type's), or every activity of a type. */
  @Get()
  @ApiQuery({ name: 'positionCode', required: false, description: "A position's own activities and those of its type" })
  @ApiQuery({ name: 'positionType', required: false, description: 'Activities of every position of a type (FUNGSIONAL, GURU, …)' })
  @ApiOkResponse({ type: [CatalogueActivityResponse] })
  list(@Query('positionCode') positionCode?: string, @Query('positionType') positionType?: string): Promise<CatalogueActivityResponse[]> {
    if (positionCode !== undefined && !CODE.test(positionCode)) throw invalid('positionCode', CODE_MESSAGE);
    if (positionType !== undefined && !POSITION_TYPE.test(positionType)) throw invalid('positionType', 'harus huruf besar, mis. FUNGSIONAL atau GURU');
    return this.catalogue.list(positionCode ?? null, positionType ?? null);
  }

  /** Adds or replaces an activity: BKD any, an operator one of a position of their OPD. */
  @Put(':code')
  @ApiOkResponse({ type: CatalogueActivityResponse })
  put(@CurrentIdentity() who: Identity, @Param('code') code: string, @Body() dto: CatalogueActivityDto): Promise<CatalogueActivityResponse> {
    return this.catalogue.put(who, code, dto);
  }

  @Delete(':code')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed; entries made with it keep its name and standard minutes' })
  async remove(@CurrentIdentity() who: Identity, @Param('code') code: string): Promise<void> {
    if (!CODE.test(code)) throw invalid('code', CODE_MESSAGE);
    await this.catalogue.remove(who, code);
  }

  /**
   * Activities from a CSV file, all or nothing: when a row is wrong nothing is stored and the answer is
   * 400 with every row's problems (info.rows: line, code, problems). Small enough to be applied at once,
   * so not a background job.
   */
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    description:
      'CSV with the columns code,name,outputUnit,standardMinutes,evidenceRequired,positionType,positionCode (optionally group,share); evidenceRequired true/false or ya/tidak; one of positionType and positionCode per row',
    schema: { type: 'string' },
  })
  @ApiOkResponse({ type: CatalogueImportResponse })
  import(@CurrentIdentity() who: Identity, @Body() csv: unknown): Promise<CatalogueImportResponse> {
    if (typeof csv !== 'string' || csv.trim() === '')
      throw new ApiError(400, 'Kirim berkas CSV dengan Content-Type text/csv', [{ field: 'file', message: 'wajib diisi' }]);
    return this.catalogue.import(who, csv);
  }
}
