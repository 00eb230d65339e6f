import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@app/service-kit';
import { isoWeekdayOf } from '../domain/leave';
import type { KmobConfig } from '../kmob.config';

export interface LocalMoment {
  /** YYYY-MM-DD in local time: the working day an instant belongs to. */
  date: string;
  /** Minutes since local midnight. */
  minute: number;
}

/** ISO weekday of a YYYY-MM-DD date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = isoWeekdayOf;

export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Every date of a YYYY-MM month. */
export function datesOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** The first day of every month from `start`'s to `end`'s (YYYY-MM-DD): the months a date range touches. */
export function monthStartsBetween(start: string, end: string): string[] {
  const months: string[] = [];
  for (let d = new Date(`${start.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 7) <= end.slice(0, 7); d.setUTCMonth(d.getUTCMonth() + 1)) {
    months.push(d.toISOString().slice(0, 10));
  }
  return months;
}

/**
 * The province's wall clock. A fixed offset, not a zone database lookup: WITA has no daylight saving,
 * and the check-in path converts every request's server time.
 */
@Injectable()
export class LocalClock {
  readonly offsetMs: number;

  constructor(@Inject(SERVICE_CONFIG) config: KmobConfig) {
    this.offsetMs = config.UTC_OFFSET_MINUTES * 60_000;
  }

  at(instant: Date): LocalMoment {
    const local = new Date(instant.getTime() + this.offsetMs);
    return { date: local.toISOString().slice(0, 10), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
  }

  today(): string {
    return this.at(new Date()).date;
  }

  /** A local date and time ("2026-10-01 07:45[:10]") as an instant. */
  instantOf(date: string, time: string): Date {
    return new Date(new Date(`${date}T${time.length === 5 ? `${time}:00` : time}Z`).getTime() - this.offsetMs);
  }
}
