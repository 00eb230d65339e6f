import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { Type } from 'class-transformer';
import { isCalendarDate, isCalendarDateTime, NipField } from '@app/service-kit';

/** A day (YYYY-MM-DD) or an instant (ISO 8601 with offset) that exists. */
const MomentField = () =>
  ValidateBy({
    name: 'isMoment',
    validator: {
      validate: (v: unknown) => isCalendarDate(v) || isCalendarDateTime(v),
      defaultMessage: () => '$harus berupa tanggal YYYY-MM-DD atau tanggal/waktu ISO 8601 yang ada',
    },
  });
import { RequireRoles } from '../accounts/access.guard';
import { AuditLog } from './audit-log';
import { AuditPageResponse } from './audit.responses';

export class AuditQueryDto {
  /** Entries by or about this NIP. */
  @ApiPropertyOptional({ description: 'Entries by or about this NIP' })
  @IsOptional()
  @NipField()
  nip?: string;

  @ApiPropertyOptional({ description: 'From this day (YYYY-MM-DD) or instant (ISO 8601)' })
  @IsOptional()
  @MomentField()
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this day or instant' })
  @IsOptional()
  @MomentField()
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000, { message: '$maksimal 1000' })
  limit: number = 200;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @RequireRoles('ADMIN_BKD')
  @Get()
  @ApiOkResponse({ type: AuditPageResponse })
  async query(@Query() q: AuditQueryDto): Promise<AuditPageResponse> {
    return { items: await this.audit.entries(q) };
  }
}
