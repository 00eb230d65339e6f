/**
 * TRK as `npm start` runs it, except that its clock reads BENCH_CLOCK_AT (an ISO instant, e.g.
 * 2026-10-30T15:00:00+08:00) when it starts and runs on from there: `bench:trk` sends the last hour
 * before a working day's cut-off whatever the machine's date and time.
 */
import { runService } from '@app/service-kit';
import { Clock } from '../src/common/clock';
import { trkWithClock } from '../test/trk-with-clock';

class ShiftedClock extends Clock {
  private readonly shiftMs: number;

  constructor(startAt: string) {
    super();
    const at = Date.parse(startAt);
    if (Number.isNaN(at)) throw new Error(`BENCH_CLOCK_AT: not an ISO instant: ${startAt}`);
    this.shiftMs = at - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.shiftMs);
  }
}

void runService(trkWithClock(new ShiftedClock(process.env.BENCH_CLOCK_AT ?? '')));
