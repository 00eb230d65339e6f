/** The province keeps WITA (UTC+8, no daylight saving); every date and time staff see is in it. */
export const TIME_ZONE = 'Asia/Makassar';

const dateFormat = new Intl.DateTimeFormat('id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
const shortDate = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE });
const timeFormat = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE, hour12: false });
const monthFormat = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: TIME_ZONE });
const numberFormat = new Intl.NumberFormat('id-ID');
const percentFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const twoDecimals = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A YYYY-MM-DD day, as "Senin, 30 November 2026". */
export const formatDate = (day: string) => dateFormat.format(new Date(`${day}T12:00:00+08:00`));
export const formatShortDate = (day: string) => shortDate.format(new Date(`${day}T12:00:00+08:00`));
/** An instant's time in WITA, with the zone shown. */
export const formatTime = (instant: string | Date) => `${timeFormat.format(new Date(instant)).replace('.', ':')} WITA`;
export const formatDateTime = (instant: string | Date) => `${shortDate.format(new Date(instant))} ${formatTime(instant)}`;
export const formatMonth = (month: string) => monthFormat.format(new Date(`${month}-15T12:00:00+08:00`));
export const formatNumber = (n: number) => numberFormat.format(n);
export const formatPercent = (n: number) => `${percentFormat.format(n)} %`;
/** A figure the platform sends as exact decimal text ('87.50', a score or a percent), as "87,50". */
export const formatDecimal = (text: string) => twoDecimals.format(Number(text));
export const formatRupiah = (n: number) => `Rp ${numberFormat.format(n)}`;
export const formatMeters = (n: number) => (n >= 1000 ? `${percentFormat.format(n / 1000)} km` : `${numberFormat.format(n)} m`);

/** Today in WITA, as YYYY-MM-DD. */
export function todayWita(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
