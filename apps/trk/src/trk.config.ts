import { BaseServiceConfig } from '@app/service-kit';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class TrkConfig extends BaseServiceConfig {
  /**
   * The province's local time, as minutes east of UTC: Sulawesi Tengah keeps WITA (UTC+8) all year, with
   * no daylight saving. The working day an entry belongs to and the daily cut-off are read in it.
   */
  @IsOptional()
  @IsInt()
  @Min(-720)
  @Max(840)
  UTC_OFFSET_MINUTES: number = 480;

  /** Largest evidence file (photo or document) of an activity, after base64 decoding. */
  @IsOptional()
  @IsInt()
  @Min(1024)
  UPLOAD_MAX_BYTES: number = 2 * 1024 * 1024;
}
