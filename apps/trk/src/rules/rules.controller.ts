import { CurrentIdentity, type Identity } from '@app/auth';
import { conflict, dateParam, invalid, notFound, TextField, UNIT_CODE, UnitCodeField, yearParam } from '@app/service-kit';
import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsObject, IsOptional, MinLength } from 'class-validator';
import { LocalClock } from '../common/clock';
import { TrkAccess } from '../common/trk-access';
import { RULE_KINDS, UNIT_SCOPED_KINDS, type RuleKind } from './rule-kinds';
import { RuleStore } from './rule-store';
import { HolidayResponse, RuleVersionResponse } from './rules.responses';

class RuleVersionDto {
  @ApiProperty({ description: 'The regulation or decision that sets these figures (shown when a figure is explained)' })
  @TextField(1000)
  @MinLength(3, { message: '$minimal 3 karakter' })
  source!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The figures; their shape depends on the kind (see the seeded versions in GET /rules). A unit's norm is only {cutoff: 'HH:MM'}",
  })
  @IsObject({ message: '$harus berupa objek' })
  value!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Only for kind=norm (its cut-off) and kind=workday: the unit (and the units below it) this version applies to' })
  @IsOptional()
  @UnitCodeField()
  unitCode?: string;
}

/**
 * Holidays are K-Mob's (kmob.calendar.v1, KmobCalendarProjection): an edit here would diverge from the
 * attendance calendar, so the old routes stay only to tell a caller where to go instead of a bare 404.
 */
const HOLIDAYS_IN_KMOB =
  'Hari libur dikelola di K-Mob; ubah atau hapus melalui Aturan & hari libur K-Mob (PUT/DELETE /api/v1/kmob/holidays/{tanggal}), TRK mengikutinya otomatis';
const KMOB_OWNS_HOLIDAYS = 'Always: holidays are edited in K-Mob (PUT/DELETE /api/v1/kmob/holidays/{date}) and reach TRK as kmob.calendar.v1';

function kindOf(kind: string): RuleKind {
  if (!(RULE_KINDS as readonly string[]).includes(kind)) throw notFound(`Jenis aturan ${kind}`);
  return kind as RuleKind;
}

/** The norm and cut-off, score weights, SKP distribution, working minutes and holidays: read by all, changed by BKD admins. */
@ApiTags('rules')
@Controller()
export class RulesController {
  constructor(
    private readonly rules: RuleStore,
    private readonly access: TrkAccess,
    private readonly clock: LocalClock,
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
    if (dto.unitCode && !UNIT_SCOPED_KINDS.includes(k)) throw invalid('unitCode', 'hanya untuk aturan norm (batas waktu pengisian) dan workday (jam kerja)');
    if (dto.unitCode) await this.access.unitPath(dto.unitCode);
    return this.rules.put(k, dto.unitCode ?? '', dateParam(effectiveFrom, 'effectiveFrom'), dto.source, dto.value, who.nip);
  }

  @Delete('rules/:kind/:effectiveFrom')
  @HttpCode(204)
  @ApiQuery({ name: 'unitCode', required: false, description: "A unit's own version" })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(
    @CurrentIdentity() who: Identity,
    @Param('kind') kind: string,
    @Param('effectiveFrom') effectiveFrom: string,
    @Query('unitCode') unitCode?: string,
  ): Promise<void> {
    this.access.assertAdmin(who);
    if (unitCode !== undefined && !UNIT_CODE.test(unitCode)) throw invalid('unitCode', 'harus 1–40 huruf besar, angka, titik, garis bawah atau tanda hubung');
    if (!(await this.rules.remove(kindOf(kind), unitCode ?? '', dateParam(effectiveFrom, 'effectiveFrom'))))
      throw notFound(`Aturan ${kind} yang berlaku ${effectiveFrom}`);
  }

  @Get('holidays')
  @ApiQuery({ name: 'year', required: false, description: 'Default: this year' })
  @ApiOkResponse({ type: [HolidayResponse] })
  holidays(@Query('year') year?: string): Promise<HolidayResponse[]> {
    return this.rules.holidays(yearParam(year ?? this.clock.today().slice(0, 4)));
  }

  @Put('holidays/:date')
  @ApiOperation({ deprecated: true, summary: 'Refused: edit holidays in K-Mob' })
  @ApiConflictResponse({ description: KMOB_OWNS_HOLIDAYS })
  putHoliday(@CurrentIdentity() who: Identity, @Param('date') date: string): never {
    this.access.assertAdmin(who);
    dateParam(date, 'date');
    throw conflict(HOLIDAYS_IN_KMOB);
  }

  @Delete('holidays/:date')
  @ApiOperation({ deprecated: true, summary: 'Refused: edit holidays in K-Mob' })
  @ApiConflictResponse({ description: KMOB_OWNS_HOLIDAYS })
  removeHoliday(@CurrentIdentity() who: Identity, @Param('date') date: string): never {
    this.access.assertAdmin(who);
    dateParam(date, 'date');
    throw conflict(HOLIDAYS_IN_KMOB);
  }
}
