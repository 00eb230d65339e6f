import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@app/service-kit';
import type { TrkConfig } from '../trk.config';

/**
 * Where "now" comes from. Server time decides whether an entry is on time, so it is one injected
 * provider: production uses the system clock, and the in-process tests replace this provider with a
 * clock they set (to 15:59:59 or 16:00:00 WITA) instead of any switch in the code paths.
 */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export interface LocalMoment {
  /** YYYY-MM-DD in local time: the working day an instant belongs to. */
  date: string;
  /** Minutes since local midnight (15:59:59 is minute 959). */
  minute: number;
}

/**
 * The province's wall clock: a fixed offset rather than a zone database lookup, since WITA has no
 * daylight saving.
 */
@Injectable()
export class LocalClock {
  private readonly offsetMs: number;

  constructor(
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) config: TrkConfig,
  ) {
    this.offsetMs = config.UTC_OFFSET_MINUTES * 60_000;
  }

  now(): Date {
    return this.clock.now();
  }

  at(instant: Date): LocalMoment {
    const local = new Date(instant.getTime() + this.offsetMs);
    return { date: local.toISOString().slice(0, 10), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
  }

  today(): string {
    return this.at(this.now()).date;
  }
}
