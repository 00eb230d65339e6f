import { clockTime } from './bahasa-format';
import type { FieldProblem } from './field-problem';

export type { FieldProblem } from './field-problem';

/**
 * A period in which past dates may still be filled in (opened by an admin, e.g. after an outage or for
 * a new CPNS). `from`/`to` are local (WITA) dates YYYY-MM-DD, inclusive; `opensAt`/`closesAt` are real
 * instants, so the window opens and closes at the same moment for everyone, whatever their clock says.
 */
export type BackdatingWindow = { from: string; to: string; opensAt: Date; closesAt: Date };

export interface EntryDateFacts {
  /** The date the activity is for, YYYY-MM-DD (WITA). */
  date: string;
  /** Today, YYYY-MM-DD (WITA). */
  today: string;
  /** Minutes since local midnight now (15:59:59 is minute 959). */
  nowMinute: number;
  /** The daily cut-off as minutes since local midnight (16:00 is 960), from the rules in force. */
  cutoffMinute: number;
  /** Whether `date` is a working day of the employee's unit (its schedule and the holidays). */
  workingDay: boolean;
  windows: readonly BackdatingWindow[];
  now: Date;
}

const covers = (window: BackdatingWindow, date: string) => window.from <= date && date <= window.to;
const isOpenAt = (window: BackdatingWindow, now: Date) => window.opensAt.getTime() <= now.getTime() && now.getTime() < window.closesAt.getTime();

/**
 * Why an activity may not be entered for `date` now, or null when it may. The rule (TRK): each day's
 * activities are entered that same working day, before the cut-off; anything else (an earlier date, a
 * day off, today after the cut-off) only inside a back-dating window open now that covers the date.
 * Future dates never: work is recorded once it is done.
 */
export function entryRefusal(input: EntryDateFacts): FieldProblem | null {
  const { date, today, nowMinute, cutoffMinute, workingDay, windows, now } = input;
  const refuse = (message: string): FieldProblem => ({ field: 'date', message });
  if (date > today) return refuse('tanggal yang akan datang tidak dapat diisi; kegiatan dicatat setelah dikerjakan');

  const covering = windows.filter((w) => covers(w, date));
  if (covering.some((w) => isOpenAt(w, now))) return null;

  const cutoff = `${clockTime(cutoffMinute)} WITA`;
  if (date === today) {
    if (!workingDay) return refuse('hari ini bukan hari kerja; kegiatan hanya dapat diisi pada hari kerja atau dalam masa pengisian susulan');
    if (nowMinute >= cutoffMinute) return refuse(`batas pengisian ${cutoff} telah lewat`);
    return null;
  }
  // A window that will still open is the useful thing to say; one that has closed explains the refusal.
  if (covering.some((w) => now.getTime() < w.opensAt.getTime())) return refuse('masa pengisian susulan untuk tanggal ini belum dibuka');
  if (covering.length > 0) return refuse('masa pengisian susulan untuk tanggal ini telah ditutup');
  return refuse(`hanya hari kerja hari ini yang dapat diisi, sebelum pukul ${cutoff}; tanggal yang lalu hanya dalam masa pengisian susulan`);
}
