import { CurrentIdentity, type Identity } from '@app/auth';
import { dateParam, invalid, notFound, TextField, UnitCodeField, yearParam } from '@app/service-kit';
import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, MinLength } from 'class-validator';
import { KmobAccess } from '../common/kmob-access';
import { RuleStore } from './rule-store';
import { RULE_KINDS, type RuleKind } from './rule-validation';
import { HolidayResponse, HolidaySetResponse, RuleVersionResponse } from './rules.responses';

class RuleVersionDto {
  @ApiProperty({ description: 'The regulation or decision that sets these figures (shown when a figure is explained)' })
  @TextField(500)
  @MinLength(3, { message: '$minimal 3 karakter' })
  source!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The figures; their shape depends on the kind (see the seeded versions in GET /rules)',
  })
  @IsObject({ message: '$harus berupa objek' })
  value!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Only for kind=schedule: the unit (and the units below it) this schedule applies to' })
  @IsOptional()
  @UnitCodeField()
  unitCode?: string;
}

class HolidayDto {
  @ApiProperty()
  @TextField(200)
  @MinLength(3, { message: '$minimal 3 karakter' })
  name!: string;

  @ApiProperty({ enum: ['LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_DAERAH'] })
  @IsIn(['LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_DAERAH'], { message: '$harus LIBUR_NASIONAL, CUTI_BERSAMA atau LIBUR_DAERAH' })
  kind!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @TextField(500)
  source?: string;
}

function kindOf(kind: string): RuleKind {
  if (!(RULE_KINDS as readonly string[]).includes(kind)) throw notFound(`Jenis aturan ${kind}`);
  return kind as RuleKind;
}

/** Discipline bands, leave days, working hours and the holiday calendar: read by all, changed by BKD admins. */
@ApiTags('rules')
@Controller()
export class RulesController {
  constructor(
    private readonly rules: RuleStore,
    private readonly access: KmobAccess,
  ) {}

  @Get('rules')
  @ApiQuery({ name: 'kind', required: false, enum: RULE_KINDS })
  @ApiOkResponse({ type: [RuleVersionResponse] })
  list(@Query('kind') kind?: string): Promise<RuleVersionResponse[]> {
    return this.rules.list(kind ? kindOf(kind) : undefined);
  }

  /** Adds or replaces the version of a rule taking effect on `effectiveFrom`. */
  @Put('rules/:kind/:effectiveFrom')
  @ApiOkResponse({ type: RuleVersionResponse })
  async put(
    @CurrentIdentity() who: Identity,
    @Param('kind') kind: string,
    @Param('effectiveFrom') effectiveFrom: string,
    @Body() dto: RuleVersionDto,
  ): Promise<RuleVersionResponse> {
    this.access.assertAdmin(who);
    const k = kindOf(kind);
    if (dto.unitCode && k !== 'schedule') throw invalid('unitCode', 'hanya untuk aturan jadwal kerja');
    if (dto.unitCode) await this.access.unitPath(dto.unitCode);
    return this.rules.put(k, dto.unitCode ?? '', dateParam(effectiveFrom, 'effectiveFrom'), dto.source, dto.value, who.nip);
  }

  @Delete('rules/:kind/:effectiveFrom')
  @HttpCode(204)
  @ApiQuery({ name: 'unitCode', required: false, description: "A unit's own schedule" })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(
    @CurrentIdentity() who: Identity,
    @Param('kind') kind: string,
    @Param('effectiveFrom') effectiveFrom: string,
    @Query('unitCode') unitCode?: string,
  ) {
    this.access.assertAdmin(who);
    if (!(await this.rules.remove(kindOf(kind), unitCode ?? '', dateParam(effectiveFrom, 'effectiveFrom'))))
      throw notFound(`Aturan ${kind} yang berlaku ${effectiveFrom}`);
  }

  @Get('holidays')
  @ApiQuery({ name: 'year', required: false, description: 'Default: this year' })
  @ApiOkResponse({ type: [HolidayResponse] })
  holidays(@Query('year') year?: string): Promise<HolidayResponse[]> {
    const y = yearParam(year ?? String(new Date().getUTCFullYear()));
    return this.rules.holidays(y);
  }

  @Put('holidays/:date')
  @ApiOkResponse({ type: HolidaySetResponse })
  async putHoliday(@CurrentIdentity() who: Identity, @Param('date') date: string, @Body() dto: HolidayDto): Promise<HolidaySetResponse> {
    this.access.assertAdmin(who);
    const d = dateParam(date, 'date');
    await this.rules.putHoliday({ date: d, kind: dto.kind, name: dto.name, source: dto.source ?? `Ditetapkan oleh admin BKD ${who.nip}` });
    return { date: d, kind: dto.kind, name: dto.name };
  }

  @Delete('holidays/:date')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  async removeHoliday(@CurrentIdentity() who: Identity, @Param('date') date: string) {
    this.access.assertAdmin(who);
    if (!(await this.rules.removeHoliday(dateParam(date, 'date')))) throw notFound(`Hari libur ${date}`);
  }
}
