import { SERVICE_CONFIG } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BackdatingWindowStore } from '../backdating/backdating-window.store';
import { LocalClock, type LocalMoment } from '../common/clock';
import { entryRefusal } from '../domain/entry-window';
import { RuleStore } from '../rules/rule-store';
import type { TrkConfig } from '../trk.config';
import { ActivityStore } from './activity.store';
import type { EntryDayResponse, EntryDaysResponse } from './entry-days.responses';
import { EntryDaysStore } from './entry-days.store';

const DAY_MS = 86_400_000;
/** A window spans at most 92 days (BackdatingWindows): more dates than that at once is several windows, and the newest matter. */
const MAX_DAYS = 92;

/** Every date from `from` to `to` (YYYY-MM-DD, inclusive), newest first. */
function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${to}T00:00:00Z`); t >= Date.parse(`${from}T00:00:00Z`) && dates.length < MAX_DAYS; t -= DAY_MS)
    dates.push(new Date(t).toISOString().slice(0, 10));
  return dates;
}

/**
 * The dates the caller may enter activities for right now, so a form offers only those: today before
 * the cut-off, and past dates inside a back-dating window open now. Each date is judged by the same
 * rule (entryRefusal) and the same facts the entry itself is judged by, so the list and the entry
 * never disagree; a day off inside a window is left out, since its working minutes are 0 and no entry
 * would fit.
 */
@Injectable()
export class EntryDaysService {
  private readonly offsetMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: EntryDaysStore,
    private readonly activities: ActivityStore,
    private readonly rules: RuleStore,
    private readonly windows: BackdatingWindowStore,
    private readonly clock: LocalClock,
    @Inject(SERVICE_CONFIG) config: TrkConfig,
  ) {
    this.offsetMs = config.UTC_OFFSET_MINUTES * 60_000;
  }

  async forEmployee(nip: string): Promise<EntryDaysResponse> {
    const now = this.clock.now();
    const local = this.clock.at(now);
    const spans = await this.store.openWindowsReaching(nip, now);
    const candidates = [...new Set([local.date, ...spans.flatMap((w) => datesBetween(w.from, w.to < local.date ? w.to : local.date))])]
      .sort()
      .reverse()
      .slice(0, MAX_DAYS);
    const days: EntryDayResponse[] = [];
    let todayRefusal: string | null = null;
    for (const date of candidates) {
      const verdict = await this.judge(nip, date, now, local);
      if ('refusal' in verdict) {
        if (date === local.date) todayRefusal = verdict.refusal;
      } else days.push(verdict);
    }
    return { today: local.date, now: now.toISOString(), todayRefusal, days };
  }

  private async judge(nip: string, date: string, now: Date, local: LocalMoment): Promise<EntryDayResponse | { refusal: string }> {
    const unit = await this.activities.unitOn(nip, date);
    if (!unit) return { refusal: `Anda tidak tercatat dalam masa dinas pada ${date}` };
    const day = await this.rules.entryDay(unit.unitPath, date);
    const covering = await this.windows.covering(unit.unitPath, date);
    const facts = { date, today: local.date, nowMinute: local.minute, cutoffMinute: day.cutoffMinute, workingDay: day.workingDay, windows: covering, now };
    const refusal = entryRefusal(facts);
    if (refusal) return { refusal: refusal.message };
    if (day.workingMinutes === 0) return { refusal: 'hari itu tidak memiliki jam kerja; tidak ada menit yang dapat diisi' };
    const onTime = entryRefusal({ ...facts, windows: [] }) === null;
    const closings = covering.filter((w) => w.opensAt <= now && now < w.closesAt).map((w) => new Date(w.closesAt).getTime());
    if (onTime) closings.push(Date.parse(`${date}T00:00:00Z`) + day.cutoffMinute * 60_000 - this.offsetMs);
    return {
      date,
      closesAt: new Date(Math.max(...closings)).toISOString(),
      viaWindow: !onTime,
      workingMinutes: day.workingMinutes,
      minutesSoFar: await this.activities.dayMinutes(this.dataSource, nip, date),
    };
  }
}
