import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsISO8601, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { DataSource } from 'typeorm';
import { NipField } from '@app/service-kit';
import { RequireRoles } from '../accounts/access.guard';
import { AuditLog } from './audit-log';

export class AuditQueryDto {
  /** Entries by or about this NIP. */
  @IsOptional()
  @NipField()
  nip?: string;

  @IsOptional()
  @IsISO8601({}, { message: '$harus berupa tanggal/waktu ISO 8601' })
  from?: string;

  @IsOptional()
  @IsISO8601({}, { message: '$harus berupa tanggal/waktu ISO 8601' })
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
