import { SkpEvents } from '@app/contracts';
import type { Identity } from '@app/auth';
import { OutboxPublisher } from '@app/messaging';
import { ApiError, invalidInput, yearParam } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LocalClock } from '../common/clock';
import { canVerifyActivities, TrkAccess } from '../common/trk-access';
import { perilakuRefusal, PREDIKAT_LABEL, predikatOf, unitHeadHasilRefusal, type BerakhlakCode, type Rating } from '../domain/skp';
import type { RateSkpDto } from './skp.dto';
import type { SkpBasisResponse, SkpRatingResponse } from './skp.responses';
import { TargetStore } from '../targets/target.store';
import { SkpStore, type NewSkpRating, type SkpRating } from './skp.store';

/**
 * The annual SKP rating of one employee by their pejabat penilai: the atasan (the one who verifies
 * their activities; with that position vacant, an operator of the unit or BKD), never themself. The
 * predikat follows from hasil × perilaku; a rating is refused once a unit it falls in is finalised.
 */
@Injectable()
export class SkpRatingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: SkpStore,
    private readonly access: TrkAccess,
    private readonly outbox: OutboxPublisher,
    private readonly clock: LocalClock,
    private readonly targets: TargetStore,
  ) {}

  /**
   * What a rating of the year rests on: the rating so far, the published scores of the closed months
   * and the year's IKI targets with what was achieved. For the employee, whoever rates them, their
   * unit's operators and BKD.
   */
  async basis(who: Identity, yearText: string, nip: string): Promise<SkpBasisResponse> {
    const year = yearParam(yearText);
    const employee = await this.access.assertCanSee(who, nip);
    const rating = await this.store.rating(year, employee.nip);
    return {
      year,
      nip: employee.nip,
      rating: rating ? { ...rating, predikatLabel: PREDIKAT_LABEL[rating.predikat] } : null,
      months: await this.store.monthScores(year, employee.nip),
      targets: await this.targets.list(employee.nip, `${year}-01-01`, `${year}-12-31`),
    };
  }

  async rate(who: Identity, yearText: string, nip: string, dto: RateSkpDto): Promise<SkpRatingResponse> {
    const year = yearParam(yearText);
    const employee = await this.access.employee(nip);
    if (employee.nip === who.nip) throw new ApiError(403, 'Anda tidak dapat menilai SKP Anda sendiri; penilaian oleh atasan Anda');
    if (!canVerifyActivities(who, employee)) throw new ApiError(403, `Hanya atasan langsung pegawai ${employee.nip} yang dapat menilai SKP-nya`);
    const refusal = perilakuRefusal(dto.perilakuValues, dto.perilaku);
    // The domain names the values `perilaku.<code>`; in this request they are `perilakuValues.<code>`.
    if (refusal) throw invalidInput([{ ...refusal, field: refusal.field.replace(/^perilaku\./, 'perilakuValues.') }]);
    const predikat = predikatOf(dto.hasil, dto.perilaku);
    return this.dataSource.transaction(async (m) => {
      const finalised = await this.store.finalisedAmong(m, year, employee.unitPath);
      if (finalised.length > 0)
        throw new ApiError(409, `SKP ${year} unit ${finalised[0]} sudah difinalisasi; nilai pegawai tidak dapat diubah`, [
          { field: 'year', message: `unit ${finalised[0]} sudah difinalisasi` },
        ]);
      if ((await this.store.unitHead(employee.unitCode, m)) === employee.nip) {
        // Read under the unit's lock, so a change of the organisation's rating cannot slip between the check and the write.
        const unit = await this.store.lockUnit(m, year, employee.unitCode);
        const problem = unitHeadHasilRefusal(dto.hasil, unit.organisationRating, employee.unitCode);
        if (problem) throw new ApiError(422, `Penilaian ditolak: ${problem.message}`, [problem]);
      }
      const rating = await this.record(m, {
        year,
        nip: employee.nip,
        unitCode: employee.unitCode,
        unitPath: employee.unitPath,
        hasil: dto.hasil,
        perilaku: dto.perilaku,
        perilakuValues: dto.perilakuValues as Record<BerakhlakCode, Rating>,
        predikat,
        note: dto.note?.trim() ?? null,
        ratedBy: who.nip,
        ratedAt: this.clock.now(),
      });
      return { ...rating, predikatLabel: PREDIKAT_LABEL[rating.predikat] };
    });
  }

  /** Stores a rating and publishes trk.skp.rated, in the caller's transaction. */
  async record(m: EntityManager, r: NewSkpRating): Promise<SkpRating> {
    const rating = await this.store.upsertRating(m, r);
    await this.outbox.publish(m, SkpEvents.rated, {
      key: rating.nip,
      data: {
        year: rating.year,
        nip: rating.nip,
        unitCode: rating.unitCode,
        hasil: rating.hasil,
        perilaku: rating.perilaku,
        perilakuValues: rating.perilakuValues,
        predikat: rating.predikat,
        note: rating.note,
        ratedBy: rating.ratedBy,
        ratedAt: rating.ratedAt,
      },
    });
    return rating;
  }
}
