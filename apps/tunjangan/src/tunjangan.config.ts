import { BaseServiceConfig } from '@app/service-kit';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class TunjanganConfig extends BaseServiceConfig {
  /**
   * The province's local time, as minutes east of UTC (WITA, UTC+8, no daylight saving): a SIAP change
   * without a decree takes effect on the local day it happened, which decides the unit a day is paid under.
   */
  @IsOptional()
  @IsInt()
  @Min(-720)
  @Max(840)
  UTC_OFFSET_MINUTES: number = 480;
}
