import { ActivityEvents } from '@app/contracts';
import type { Identity } from '@app/auth';
import { OutboxPublisher } from '@app/messaging';
import { ApiError, invalid } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LocalClock } from '../common/clock';
import { canVerifyActivities } from '../common/trk-access';
import { ScoreCorrections } from '../months/score-corrections';
import type { VerifyActivitiesDto, VerifyDecision } from './activity.dto';
import type { ActivityResponse } from './activity.responses';
import { ActivityStore, type Decision } from './activity.store';

const STATUS_OF: Record<VerifyDecision, Decision['status']> = { APPROVE: 'APPROVED', REDUCE: 'REDUCED', REJECT: 'REJECTED' };

/**
 * Verification by the atasan (or, with the atasan position vacant, an operator of the unit), one entry
 * or up to 500 at once, all or nothing: one entry the caller may not decide, or one already decided,
 * and none is. A few statements whatever the count: lock and read, update, write the events.
 */
@Injectable()
export class ActivityVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ActivityStore,
    private readonly outbox: OutboxPublisher,
    private readonly corrections: ScoreCorrections,
    private readonly clock: LocalClock,
  ) {}

  async verify(who: Identity, dto: VerifyActivitiesDto): Promise<{ status: Decision['status']; entries: ActivityResponse[] }> {
    if (dto.decision === 'REDUCE' && dto.minutes === undefined) throw invalid('minutes', 'wajib diisi untuk REDUCE: menit yang diakui');
    if (dto.decision !== 'REDUCE' && dto.minutes !== undefined) throw invalid('minutes', 'hanya untuk REDUCE');
    if (dto.decision !== 'APPROVE' && !dto.reason?.trim()) throw invalid('reason', 'wajib diisi untuk REDUCE dan REJECT: alasannya untuk pegawai');
    const ids = dto.ids.map((id) => id.toLowerCase());
    const status = STATUS_OF[dto.decision];
    return this.dataSource.transaction(async (m) => {
      const entries = new Map((await this.store.lockForVerification(m, ids)).map((e) => [e.id, e]));
      const missing = ids.find((id) => !entries.has(id));
      if (missing)
        throw new ApiError(404, `Kegiatan ${missing} tidak ditemukan; tidak ada yang diputuskan`, [{ field: 'ids', message: `${missing} tidak ditemukan` }], {
          id: missing,
        });
      const refused = ids.find((id) => !canVerifyActivities(who, entries.get(id)!));
      if (refused) {
        const own = entries.get(refused)!.nip === who.nip;
        const why = own
          ? 'kegiatan Anda sendiri diverifikasi oleh atasan Anda'
          : 'hanya atasan langsung pegawai (atau operator unitnya bila jabatan atasan kosong) yang dapat memverifikasi';
        throw new ApiError(
          403,
          `Anda tidak dapat memverifikasi kegiatan ${refused}: ${why}; tidak ada yang diputuskan`,
          [{ field: 'ids', message: `${refused}: ${why}` }],
          {
            id: refused,
          },
        );
      }
      const decided = ids.find((id) => entries.get(id)!.status !== 'PENDING');
      if (decided) {
        const was = entries.get(decided)!.status;
        throw new ApiError(
          409,
          `Kegiatan ${decided} sudah diputuskan (${was}); tidak ada yang diputuskan`,
          [{ field: 'ids', message: `${decided} sudah ${was}` }],
          {
            id: decided,
            status: was,
          },
        );
      }
      const tooMany = dto.minutes === undefined ? undefined : ids.find((id) => dto.minutes! >= entries.get(id)!.minutes);
      if (tooMany) {
        const claimed = entries.get(tooMany)!.minutes;
        throw new ApiError(422, `Menit yang diakui harus kurang dari ${claimed} menit yang diisi pada kegiatan ${tooMany}`, [
          { field: 'minutes', message: `harus kurang dari ${claimed} (kegiatan ${tooMany})` },
        ]);
      }
      const at = this.clock.now();
      const updated = await this.store.decide(m, ids, { status, reducedTo: dto.minutes ?? null, reason: dto.reason?.trim() ?? null, by: who.nip, at });
      await this.outbox.publishMany(
        m,
        ActivityEvents.verified,
        updated.map((e) => ({
          key: e.nip,
          data: {
            id: e.id,
            nip: e.nip,
            date: e.date,
            decision: status,
            minutes: e.minutes,
            verifiedMinutes: e.verifiedMinutes!,
            reason: e.decisionReason,
            verifiedBy: who.nip,
            verifiedAt: e.decidedAt!,
          },
        })),
      );
      // A verification landing after the month's close (or its score's publication) publishes the next version.
      await this.corrections.correct(
        m,
        updated.map((e) => ({ nip: e.nip, month: e.date.slice(0, 7) })),
      );
      // In the order asked, as the caller listed them.
      const byId = new Map(updated.map((e) => [e.id, e]));
      return { status, entries: ids.map((id) => byId.get(id)!) };
    });
  }
}
