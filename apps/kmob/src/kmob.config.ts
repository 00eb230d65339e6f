import { BaseServiceConfig } from '@app/service-kit';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class KmobConfig extends BaseServiceConfig {
  /**
   * The province's local time, as minutes east of UTC: Sulawesi Tengah keeps WITA (UTC+8) all year,
   * with no daylight saving. Working days and late minutes are counted in it.
   */
  @IsOptional()
  @IsInt()
  @Min(-720)
  @Max(840)
  UTC_OFFSET_MINUTES: number = 480;

  /**
   * How much of a phone's stated GPS inaccuracy an office Wi-Fi BSSID may credit: a fix counts on the
   * office Wi-Fi only when it lies within the radius plus at most this many metres.
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  WIFI_MAX_CREDIT_METERS: number = 100;

  /** Largest selfie or request attachment, after base64 decoding. */
  @IsOptional()
  @IsInt()
  @Min(1024)
  UPLOAD_MAX_BYTES: number = 2 * 1024 * 1024;
}
