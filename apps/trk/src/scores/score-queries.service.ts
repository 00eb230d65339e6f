import type { Identity } from '@app/auth';
import { ApiError, monthParam } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LocalClock } from '../common/clock';
import { TrkAccess } from '../common/trk-access';
import { MonthCloseService } from '../months/month-close.service';
import { NoRuleInForce } from '../rules/rule-store';
import { MonthScores } from './month-scores';
import type { ScoreResponse } from './score.responses';

/** An employee's monthly score as it stands, with its published (frozen) version once the month is closed. */
@Injectable()
export class ScoreQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scores: MonthScores,
    private readonly months: MonthCloseService,
    private readonly access: TrkAccess,
    private readonly clock: LocalClock,
  ) {}

  /** The employee's own, their atasan's, their unit operators' and BKD's to read. */
  async score(who: Identity, nip: string | undefined, month: string | undefined): Promise<ScoreResponse> {
    const employee = await this.access.assertCanSee(who, nip ?? who.nip);
    const m = monthParam(month ?? this.clock.today().slice(0, 7));
    const computed = await this.scores.compute(this.dataSource, [employee.nip], m, 'LIVE').catch((error: unknown) => {
      if (error instanceof NoRuleInForce)
        throw new ApiError(422, `Belum ada aturan norma dan bobot yang berlaku pada ${m}`, [{ field: 'month', message: 'tidak ada aturan yang berlaku' }]);
      throw error;
    });
    const score = computed.get(employee.nip);
    if (!score) throw new ApiError(422, `Pegawai ${employee.nip} tidak dalam masa dinas pada ${m}`, [{ field: 'month', message: 'tidak dalam masa dinas' }]);
    return { ...score, published: await this.months.published(m, employee.nip) };
  }
}
