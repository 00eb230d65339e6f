/**
 * The last day to verify a month's entries: the given day of the following month (the norm's
 * verificationDeadlineDay, at most the 28th, so every month has it).
 */
export function verificationDeadline(month: string, day: number): string {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return `${next}-${String(day).padStart(2, '0')}`;
}
