import { CurrentIdentity, type Identity } from '@app/auth';
import { monthParam, notFound } from '@app/service-kit';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KmobAccess } from '../common/kmob-access';
import { MonthCloseService } from './month-close.service';

@ApiTags('months')
@Controller('months')
export class MonthController {
  constructor(
    private readonly months: MonthCloseService,
    private readonly access: KmobAccess,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Freezes the month and publishes one kmob.discipline event per employee; closing again publishes only
   * what changed. Runs as a job: follow it at GET /jobs/{id}.
   */
  @Post(':month/close')
  @HttpCode(202)
  close(@CurrentIdentity() who: Identity, @Param('month') month: string) {
    this.access.assertAdmin(who);
    return this.months.start(monthParam(month), who.nip);
  }

  @Get(':month')
  status(@CurrentIdentity() who: Identity, @Param('month') month: string) {
    return this.months.status(monthParam(month), who.roles.includes('ADMIN_BKD'));
  }

  /** The published (frozen) summary of a closed month, latest version. */
  @Get(':month/summaries/:nip')
  async published(@CurrentIdentity() who: Identity, @Param('month') month: string, @Param('nip') nip: string) {
    await this.access.assertCanRead(who, nip);
    const [row] = (await this.dataSource.query('SELECT summary, published_at FROM month_summary WHERE month = $1 AND nip = $2', [monthParam(month), nip])) as {
      summary: Record<string, unknown>;
      published_at: Date;
    }[];
    if (!row) throw notFound(`Rekap bulan ${month} untuk ${nip}`);
    return { ...row.summary, publishedAt: row.published_at };
  }
}
