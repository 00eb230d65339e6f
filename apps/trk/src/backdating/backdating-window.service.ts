import type { Identity } from '@app/auth';
import { ApiError, invalid } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { LocalClock } from '../common/clock';
import { isAdmin, isOperator, TrkAccess } from '../common/trk-access';
import type { OpenBackdatingWindowDto } from './backdating-window.dto';
import type { BackdatingWindowResponse } from './backdating-window.responses';
import { BackdatingWindowStore } from './backdating-window.store';

const DAY_MS = 86_400_000;
/** A window fills a gap (an outage, a new CPNS's first weeks), not a quarter: a longer span is a mistake. */
const MAX_SPAN_DAYS = 92;
/** How long a window may stay open. */
const MAX_OPEN_DAYS = 31;

/**
 * Back-dating windows: a BKD admin opens one for a unit and a range of past dates (after an outage,
 * say); its employees, and those of the units below it, may then fill in those dates until it closes.
 * Each is kept with who opened it, when and why, and each entry made through it names it.
 */
@Injectable()
export class BackdatingWindows {
  constructor(
    private readonly store: BackdatingWindowStore,
    private readonly access: TrkAccess,
    private readonly clock: LocalClock,
  ) {}

  async open(who: Identity, dto: OpenBackdatingWindowDto): Promise<BackdatingWindowResponse> {
    this.access.assertAdmin(who);
    const now = this.clock.now();
    const today = this.clock.today();
    if (dto.to < dto.from) throw invalid('to', 'tidak boleh sebelum from');
    if (dto.to > today) throw invalid('to', `paling lambat hari ini (${today}); tanggal yang akan datang tidak dapat diisi`);
    if ((Date.parse(dto.to) - Date.parse(dto.from)) / DAY_MS + 1 > MAX_SPAN_DAYS) throw invalid('from', `rentang tanggal paling lama ${MAX_SPAN_DAYS} hari`);
    const closesAt = new Date(dto.closesAt);
    if (closesAt <= now) throw invalid('closesAt', 'harus setelah saat ini');
    if (closesAt.getTime() - now.getTime() > MAX_OPEN_DAYS * DAY_MS) throw invalid('closesAt', `paling lama ${MAX_OPEN_DAYS} hari dari sekarang`);
    await this.access.unitPath(dto.unitCode);
    return this.store.open({ unitCode: dto.unitCode, from: dto.from, to: dto.to, opensAt: now, closesAt, reason: dto.reason.trim(), openedBy: who.nip });
  }

  /** BKD sees every window, an operator those of their own unit and the units below it. */
  async list(who: Identity, unitCode: string | undefined): Promise<BackdatingWindowResponse[]> {
    if (!isAdmin(who)) {
      if (!isOperator(who)) throw new ApiError(403, 'Hanya admin BKD dan operator OPD yang dapat melihat masa pengisian susulan');
      await this.access.assertCanManageUnit(who, unitCode ?? who.unitCode, 'masa pengisian susulan');
    }
    return this.store.list(unitCode ?? (isAdmin(who) ? null : who.unitCode));
  }
}
