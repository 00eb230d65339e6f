import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsInt, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { Type } from 'class-transformer';
import { DataSource } from 'typeorm';
import { isCalendarDate, isCalendarDateTime, NipField } from '@app/service-kit';

/** A day (YYYY-MM-DD) or an instant (ISO 8601 with offset) that exists. */
const MomentField = () =>
  ValidateBy({ name: 'isMoment', validator: { validate: (v: unknown) => isCalendarDate(v) || isCalendarDateTime(v), defaultMessage: () => '$harus berupa tanggal YYYY-MM-DD atau tanggal/waktu ISO 8601 yang ada' } });
import { RequireRoles } from '../accounts/access.guard';
import { AuditLog } from './audit-log';

export class AuditQueryDto {
  /** Entries by or about this NIP. */
  @IsOptional()
  @NipField()
  nip?: string;

  @IsOptional()
  @MomentField()
  from?: string;

  @IsOptional()
  @MomentField()
  to?: string;

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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  @RequireRoles('ADMIN_BKD')
  @Get()
  async query(@Query() q: AuditQueryDto) {
    await this.audit.flush(); // what this gateway has buffered is part of the answer
    const items = await this.dataSource.query(
      `SELECT id, actor_nip AS "actorNip", actor_roles AS "actorRoles", method, path, target_nip AS "targetNip",
              target_unit AS "targetUnit", status, request_id AS "requestId", at
       FROM audit_entry
       WHERE ($1::text IS NULL OR actor_nip = $1 OR target_nip = $1)
         AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at <= $3)
       ORDER BY at DESC, id DESC LIMIT $4`,
      [q.nip ?? null, q.from ?? null, q.to ?? null, q.limit],
    );
    return { items };
  }
}
