import type { Identity } from '@app/auth';
import { ApiError, monthParam, notFound, uuidParam } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { LocalClock } from '../common/clock';
import { isAdmin, isOperator, TrkAccess } from '../common/trk-access';
import { StoredFiles, type StoredFile } from '../files/stored-files';
import { ruleOn } from '../rules/effective-rules';
import { RuleStore } from '../rules/rule-store';
import type { ActivityResponse, PendingActivityResponse } from './activity.responses';
import { ActivityStore } from './activity.store';
import { verificationDeadline } from './verification-deadline';

/** Reading entries: an employee's month, the verification inbox, and evidence files. */
@Injectable()
export class ActivityQueries {
  constructor(
    private readonly store: ActivityStore,
    private readonly access: TrkAccess,
    private readonly rules: RuleStore,
    private readonly files: StoredFiles,
    private readonly clock: LocalClock,
  ) {}

  /** The employee's own, their atasan's, their operators' and BKD's to read. */
  async month(who: Identity, nip: string | undefined, month: string | undefined): Promise<ActivityResponse[]> {
    const employee = await this.access.assertCanSee(who, nip ?? who.nip);
    return this.store.list(employee.nip, monthParam(month ?? this.clock.today().slice(0, 7)));
  }

  /**
   * The entries the caller verifies, oldest first, each with its month's deadline and whether it has
   * passed, so the atasan sees what is overdue first.
   */
  async pending(who: Identity): Promise<PendingActivityResponse[]> {
    const manager = isAdmin(who) || isOperator(who) ? { admin: isAdmin(who), operator: isOperator(who), unitCode: who.unitCode } : null;
    const rows = await this.store.pending(who.nip, manager);
    const norms = await this.rules.provinceNorms();
    const today = this.clock.today();
    return rows.map((row) => {
      // Before any norm is in force (never, with the seed) the platform's default, the 5th, applies.
      const norm = ruleOn(norms, row.date);
      const deadline = verificationDeadline(row.date.slice(0, 7), norm?.value.verificationDeadlineDay ?? 5);
      return { ...row, verificationDeadline: deadline, overdue: today > deadline };
    });
  }

  async evidence(who: Identity, id: string): Promise<StoredFile> {
    uuidParam(id, `Kegiatan ${id}`);
    const entry = await this.store.evidenceOf(id);
    if (!entry) throw notFound(`Kegiatan ${id}`);
    await this.access.assertCanSee(who, entry.nip);
    if (!entry.evidenceId) throw notFound(`Bukti kegiatan ${id}`);
    const file = await this.files.read(entry.evidenceId);
    if (!file) throw new ApiError(404, `Berkas bukti kegiatan ${id} tidak ditemukan di penyimpanan`);
    return file;
  }
}
