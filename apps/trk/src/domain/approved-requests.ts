import type { RequestType } from '@app/contracts';

/**
 * The day status K-Mob gives a working day covered by an approved request of each type (as K-Mob's
 * month resolution maps them), so that TRK knows leave before K-Mob closes the month and counts it as
 * K-Mob will. WFH has none: the employee still checks in and the day is resolved by the check-ins.
 * Keyed by the contract's types, so a type K-Mob adds to kmob.attendance.v1 does not compile until
 * it is mapped here.
 */
export const DAY_STATUS_OF_REQUEST: Readonly<Record<RequestType, string | null>> = {
  DINAS_LUAR: 'DL',
  WFH: null,
  IZIN: 'I',
  SAKIT: 'S',
  CUTI_TAHUNAN: 'C',
  CUTI_BESAR: 'C',
  CUTI_SAKIT: 'C',
  CUTI_MELAHIRKAN: 'C',
  CUTI_ALASAN_PENTING: 'C',
  CLTN: 'C',
};

/** An approved request as TRK keeps it: its type and first and last day (YYYY-MM-DD), both included. */
export interface ApprovedRequest {
  type: string;
  startDate: string;
  endDate: string;
}

export function dayStatusOfRequest(type: string): string | null {
  return (DAY_STATUS_OF_REQUEST as Readonly<Record<string, string | null>>)[type] ?? null;
}

/**
 * The working days (by TRK's calendar, in service) that approved requests take off the norm: those
 * covered by a request whose day status the norm rule lists. A day covered twice counts once, and a
 * holiday or weekend inside a leave costs nothing, as in K-Mob's month.
 */
export function requestReducingDays(workingDates: Iterable<string>, requests: readonly ApprovedRequest[], reducingStatuses: readonly string[]): number {
  const reducing = requests.filter((r) => {
    const status = dayStatusOfRequest(r.type);
    return status !== null && reducingStatuses.includes(status);
  });
  let days = 0;
  for (const date of workingDates) if (reducing.some((r) => r.startDate <= date && date <= r.endDate)) days++;
  return days;
}

/** The months YYYY-MM a request from `startDate` to `endDate` touches, in order. */
export function monthsCovered(startDate: string, endDate: string): string[] {
  const months: string[] = [];
  let [year, month] = startDate.slice(0, 7).split('-').map(Number);
  const last = endDate.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}
