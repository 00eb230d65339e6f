import { SkpEvents } from '@app/contracts';
import { canManageEmployee, type Identity } from '@app/auth';
import { OutboxPublisher } from '@app/messaging';
import { ApiError, yearParam } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LocalClock } from '../common/clock';
import { isAdmin, TrkAccess } from '../common/trk-access';
import { distributionLimits } from '../domain/skp-limits';
import {
  distributionViolations,
  ORGANISATION_RATING_LABEL,
  PREDIKAT_LABEL,
  predikatOf,
  unitHeadHasil,
  type OrganisationRating,
  type Predikat,
} from '../domain/skp';
import type { EffectiveRule } from '../rules/effective-rules';
import type { SkpDistributionRule } from '../rules/rule-kinds';
import { NoRuleInForce, RuleStore } from '../rules/rule-store';
import type { OrganisationRatingDto } from './skp.dto';
import type { SkpUnitResponse } from './skp.responses';
import { SkpRatingService } from './skp-rating.service';
import { SkpStore, type SkpRating, type SkpUnitState } from './skp.store';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

const alreadyFinalised = (year: number, unitCode: string) =>
  new ApiError(409, `SKP ${year} unit ${unitCode} sudah difinalisasi`, [{ field: 'unitCode', message: 'sudah difinalisasi' }]);

/**
 * A unit's annual SKP (SE MenPANRB 3/2023): the organisation's own rating, set by the unit head or
 * BKD, sets the distribution pattern its employees' predikat must follow; the unit head (or BKD)
 * finalises the unit once everyone in it is rated and the pattern is met, or a BKD admin has recorded
 * why it cannot be (small units make some patterns impossible).
 */
@Injectable()
export class SkpUnitService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: SkpStore,
    private readonly rules: RuleStore,
    private readonly access: TrkAccess,
    private readonly outbox: OutboxPublisher,
    private readonly clock: LocalClock,
    private readonly ratings: SkpRatingService,
  ) {}

  /** Every rating with its predikat and the distribution check as it stands: BKD, the unit's operators and its head. */
  async view(who: Identity, yearText: string, unitCode: string): Promise<SkpUnitResponse> {
    const year = yearParam(yearText);
    const unitPath = await this.access.unitPath(unitCode);
    const head = await this.store.unitHead(unitCode);
    if (!canManageEmployee(who, { unitPath }) && head !== who.nip) throw new ApiError(403, `Anda tidak berhak melihat penilaian SKP unit ${unitCode}`);
    const unit = await this.store.unit(year, unitCode);
    const ratings = await this.store.ratings(year, unitCode);
    return {
      year,
      unitCode,
      unitHead: head,
      organisationRating: unit?.organisationRating
        ? {
            rating: unit.organisationRating,
            label: ORGANISATION_RATING_LABEL[unit.organisationRating],
            reason: unit.organisationReason!,
            ratedBy: unit.organisationRatedBy!,
            ratedAt: unit.organisationRatedAt!,
          }
        : null,
      ratings: ratings.map((r) => ({ ...r, predikatLabel: PREDIKAT_LABEL[r.predikat] })),
      unrated: await this.store.unrated(year, unitCode),
      distribution: await this.distribution(year, unit, ratings),
      override: unit?.overrideReason ? { reason: unit.overrideReason, by: unit.overrideBy!, at: unit.overrideAt! } : null,
      finalised: unit?.finalisedAt ? { by: unit.finalisedBy!, at: unit.finalisedAt } : null,
    };
  }

  async rateOrganisation(who: Identity, yearText: string, unitCode: string, dto: OrganisationRatingDto): Promise<SkpUnitResponse> {
    const year = yearParam(yearText);
    await this.assertHeadOrAdmin(who, unitCode, 'menetapkan nilai organisasi');
    await this.dataSource.transaction(async (m) => {
      const unit = await this.store.lockUnit(m, year, unitCode);
      if (unit.finalisedAt) throw alreadyFinalised(year, unitCode);
      const at = this.clock.now();
      await this.store.setOrganisationRating(m, year, unitCode, dto.rating, dto.reason.trim(), who.nip, at);
      await this.headFollows(m, year, unitCode, dto.rating, who.nip, at);
    });
    return this.view(who, yearText, unitCode);
  }

  /** The unit head's hasil kerja is the unit's rating: a head already rated follows a changed rating, their predikat with it. */
  private async headFollows(m: EntityManager, year: number, unitCode: string, organisation: OrganisationRating, by: string, at: Date): Promise<void> {
    const head = await this.store.unitHead(unitCode, m);
    const rating = head ? (await this.store.ratings(year, unitCode, m)).find((r) => r.nip === head) : undefined;
    const hasil = unitHeadHasil(organisation);
    if (!rating || rating.hasil === hasil) return;
    const { name: _name, ...kept } = rating;
    await this.ratings.record(m, {
      ...kept,
      unitPath: await this.access.unitPath(rating.unitCode),
      hasil,
      predikat: predikatOf(hasil, rating.perilaku),
      ratedBy: by,
      ratedAt: at,
    });
  }

  /** BKD's recorded decision that the pattern does not bind this unit this year. */
  async override(who: Identity, yearText: string, unitCode: string, reason: string): Promise<SkpUnitResponse> {
    const year = yearParam(yearText);
    this.access.assertAdmin(who);
    await this.access.unitPath(unitCode);
    await this.dataSource.transaction(async (m) => {
      const unit = await this.store.lockUnit(m, year, unitCode);
      if (unit.finalisedAt) throw alreadyFinalised(year, unitCode);
      await this.store.setOverride(m, year, unitCode, reason.trim(), who.nip, this.clock.now());
    });
    return this.view(who, yearText, unitCode);
  }

  /**
   * Locks the unit's ratings for the year and publishes trk.skp.finalised: refused (422) without the
   * organisation's rating, with employees not yet rated, or with a predikat outside the pattern (each
   * named) unless BKD recorded an override.
   */
  async finalise(who: Identity, yearText: string, unitCode: string): Promise<SkpUnitResponse> {
    const year = yearParam(yearText);
    await this.assertHeadOrAdmin(who, unitCode, 'memfinalisasi penilaian SKP');
    await this.dataSource.transaction(async (m) => {
      const unit = await this.store.lockUnit(m, year, unitCode);
      if (unit.finalisedAt) throw alreadyFinalised(year, unitCode);
      const rating = unit.organisationRating;
      if (!rating)
        throw new ApiError(422, `Nilai organisasi unit ${unitCode} tahun ${year} belum ditetapkan`, [
          { field: 'organisationRating', message: 'belum ditetapkan' },
        ]);
      const unrated = await this.store.unrated(year, unitCode, m);
      if (unrated.length > 0)
        throw new ApiError(422, `${unrated.length} pegawai unit ${unitCode} belum dinilai: ${unrated.map((e) => e.nip).join(', ')}`, [
          { field: 'ratings', message: `${unrated.length} pegawai belum dinilai` },
        ]);
      const ratings = await this.store.ratings(year, unitCode, m);
      const counts = countsOf(ratings);
      const pattern = (await this.pattern(year, m)).value[rating];
      const violations = distributionViolations(pattern, counts);
      if (violations.length > 0 && !unit.overrideReason) {
        const names = [...new Set(violations.flatMap((v) => v.predikat.map((p) => PREDIKAT_LABEL[p])))].join(', ');
        throw new ApiError(
          422,
          `Distribusi predikat ${names} tidak sesuai pola organisasi ${ORGANISATION_RATING_LABEL[rating]}: ${violations.map((v) => v.message).join('; ')}`,
          violations.map((v) => ({ field: 'predikat', message: v.message })),
          { violations: violations.map(({ predikat, rule, limit, actual }) => ({ predikat, rule, limit, actual })) },
        );
      }
      const at = this.clock.now();
      await this.store.finalise(m, year, unitCode, who.nip, at);
      await this.outbox.publish(m, SkpEvents.finalised, {
        key: `unit:${unitCode}`,
        data: {
          year,
          unitCode,
          organisationRating: rating,
          employees: ratings.length,
          counts,
          violations,
          override: unit.overrideReason ? { reason: unit.overrideReason, by: unit.overrideBy!, at: unit.overrideAt! } : null,
          finalisedBy: who.nip,
          finalisedAt: at.toISOString(),
        },
      });
    });
    return this.view(who, yearText, unitCode);
  }

  private async distribution(year: number, unit: SkpUnitState | null, ratings: SkpRating[]): Promise<SkpUnitResponse['distribution']> {
    const counts = countsOf(ratings);
    const rule = await this.pattern(year, this.dataSource).catch((error: unknown) => {
      if (error instanceof NoRuleInForce) return null;
      throw error;
    });
    const pattern = rule && unit?.organisationRating ? rule.value[unit.organisationRating] : null;
    return {
      employees: ratings.length,
      counts,
      limits: pattern ? distributionLimits(pattern, counts) : [],
      violations: pattern ? distributionViolations(pattern, counts) : [],
      ruleSource: rule?.source ?? null,
    };
  }

  /** The pattern in force at the end of the year rated. */
  private pattern(year: number, db: Queryable): Promise<EffectiveRule<SkpDistributionRule>> {
    return this.rules.on<SkpDistributionRule>('skp-distribution', `${year}-12-31`, db);
  }

  /** The unit head (when TRK's copy of SIAP knows who holds the head position) or a BKD admin. */
  private async assertHeadOrAdmin(who: Identity, unitCode: string, what: string): Promise<void> {
    await this.access.unitPath(unitCode);
    if (isAdmin(who)) return;
    if ((await this.store.unitHead(unitCode)) !== who.nip) throw new ApiError(403, `Hanya kepala unit ${unitCode} atau admin BKD yang dapat ${what}`);
  }
}

function countsOf(ratings: readonly SkpRating[]): Record<Predikat, number> {
  const counts: Record<Predikat, number> = { SANGAT_BAIK: 0, BAIK: 0, BUTUH_PERBAIKAN: 0, KURANG: 0, SANGAT_KURANG: 0 };
  for (const r of ratings) counts[r.predikat]++;
  return counts;
}
