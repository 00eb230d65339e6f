/** Date and month arithmetic on ISO text (YYYY-MM-DD, YYYY-MM), in UTC so no time zone shifts a day. */

export function addMonths(month: string, count: number): string {
  const [year, index] = month.split('-').map(Number);
  const total = year * 12 + (index - 1) + count;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export const monthOf = (date: string): string => date.slice(0, 7);

export function lastDayOfMonth(month: string): string {
  const [year, index] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, index, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function addDays(date: string, count: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + count)).toISOString().slice(0, 10);
}
