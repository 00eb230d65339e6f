import { randomUUID } from 'node:crypto';
import type { Identity } from '@app/auth';
import { SiapScope } from '@app/siap-read-model';
import { ApiError, FIRST_YEAR, invalid, LAST_YEAR, notFound, uuidParam } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LocalClock } from '../common/clock';
import { canVerifyActivities, FORBIDDEN, TrkAccess } from '../common/trk-access';
import { coversDate, targetPeriod, type TargetPeriod } from '../domain/target-period';
import { ScoreCorrections } from '../months/score-corrections';
import type { ProposeTargetDto } from './target.dto';
import type { TargetResponse } from './target.responses';
import { TargetStore } from './target.store';

/** A refusal by the rules, naming the field: 422 with the reason. */
const refuse = (field: string, message: string) => new ApiError(422, `Target ditolak: ${message}`, [{ field, message }]);

function periodOf(value: string, field = 'period'): TargetPeriod {
  const period = targetPeriod(value);
  const year = Number(value.slice(0, 4));
  if (!period || year < FIRST_YEAR || year > LAST_YEAR) throw invalid(field, `harus tahun YYYY atau bulan YYYY-MM (tahun ${FIRST_YEAR}–${LAST_YEAR})`);
  return period;
}

/**
 * IKI targets: proposed by the employee for a year or a month, each tied to catalogue activities, and
 * agreed or rejected by whoever verifies the employee's activities (trk-access), never by the
 * employee. An agreed monthly target counts in the month's score, so deciding one for a closed month
 * corrects the published score.
 */
@Injectable()
export class TargetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: TargetStore,
    private readonly access: TrkAccess,
    private readonly scope: SiapScope,
    private readonly corrections: ScoreCorrections,
    private readonly clock: LocalClock,
  ) {}

  async propose(who: Identity, dto: ProposeTargetDto): Promise<TargetResponse> {
    const period = periodOf(dto.period);
    const employee = await this.access.employee(who.nip);
    if (employee.status !== 'AKTIF') throw refuse('period', 'hanya pegawai aktif yang dapat mengajukan target');
    // Targets are set for a period ahead or under way: one proposed after the fact would be a record, not a target.
    if (period.end < this.clock.today()) throw refuse('period', `periode ${period.period} sudah berakhir`);
    const closed = await this.store.closedCodes(dto.catalogueCodes, employee.positionCode);
    if (closed.length > 0) throw refuse('catalogueCodes', `kegiatan ${closed.join(', ')} tidak ada di katalog jabatan Anda`);
    return this.store.insert({
      id: randomUUID(),
      nip: who.nip,
      period,
      title: dto.title.trim(),
      quantity: dto.quantity,
      outputUnit: dto.outputUnit.trim(),
      catalogueCodes: dto.catalogueCodes,
    });
  }

  agree(who: Identity, id: string): Promise<TargetResponse> {
    return this.decide(who, id, 'AGREED', null);
  }

  reject(who: Identity, id: string, reason: string): Promise<TargetResponse> {
    return this.decide(who, id, 'REJECTED', reason.trim());
  }

  async list(who: Identity, nip: string | undefined, period: string | undefined): Promise<TargetResponse[]> {
    const employee = await this.access.assertCanSee(who, nip ?? who.nip);
    const p = period === undefined ? null : periodOf(period);
    return this.store.list(employee.nip, p?.start ?? null, p?.end ?? null);
  }

  /**
   * Why an entry may not name this target, or null: it must be the employee's own, agreed, for a
   * period covering the entry's date, and the entry one of the target's catalogue activities (so the
   * target's achievement, counted by its activities, includes it).
   */
  async entryRefusal(targetId: string, nip: string, date: string, catalogueCode: string | null): Promise<string | null> {
    const target = await this.store.forEntry(targetId.toLowerCase());
    if (!target || target.nip !== nip) return 'target tidak ditemukan di antara target Anda';
    if (target.status !== 'AGREED') return target.status === 'PROPOSED' ? 'target belum disetujui atasan' : 'target ditolak atasan';
    if (!coversDate(targetPeriod(target.period)!, date)) return `target periode ${target.period} tidak mencakup tanggal ${date}`;
    if (catalogueCode === null) return 'hanya kegiatan dari katalog yang dapat dikaitkan dengan target';
    if (!target.catalogueCodes.includes(catalogueCode)) return `kegiatan ${catalogueCode} bukan kegiatan target ini (${target.catalogueCodes.join(', ')})`;
    return null;
  }

  private async decide(who: Identity, id: string, status: 'AGREED' | 'REJECTED', reason: string | null): Promise<TargetResponse> {
    uuidParam(id, `Target ${id}`);
    return this.dataSource.transaction(async (m) => {
      const target = await this.store.lock(m, id.toLowerCase());
      if (!target) throw notFound(`Target ${id}`);
      const employee = await this.scope.employee(m, target.nip);
      if (!employee) throw notFound(`Pegawai dengan NIP ${target.nip}`);
      if (!canVerifyActivities(who, employee)) throw new ApiError(403, target.nip === who.nip ? 'Target Anda sendiri disetujui oleh atasan Anda' : FORBIDDEN);
      if (target.status !== 'PROPOSED')
        throw new ApiError(409, `Target ${id} sudah diputuskan (${target.status})`, [{ field: 'id', message: `sudah ${target.status}` }]);
      await this.store.decide(m, id.toLowerCase(), status, who.nip, this.clock.now(), reason);
      // An agreed monthly target counts in that month's score: a month already closed gets its correction.
      if (status === 'AGREED' && target.period.length === 7) await this.corrections.correct(m, [{ nip: target.nip, month: target.period }]);
      return (await this.store.get(id.toLowerCase(), m))!;
    });
  }
}
