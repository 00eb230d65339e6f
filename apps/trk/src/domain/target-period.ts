/** An IKI target's period: a year (annual target, SKP) or a month of it (monthly target, the monthly score). */
export interface TargetPeriod {
  period: string;
  kind: 'ANNUAL' | 'MONTHLY';
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
}

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;

/** 'YYYY' or 'YYYY-MM', or null for anything else. */
export function targetPeriod(value: string): TargetPeriod | null {
  const match = PERIOD.exec(value);
  if (!match) return null;
  const [, year, month] = match;
  if (!month) return { period: value, kind: 'ANNUAL', start: `${year}-01-01`, end: `${year}-12-31` };
  const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return { period: value, kind: 'MONTHLY', start: `${year}-${month}-01`, end: `${year}-${month}-${String(lastDay).padStart(2, '0')}` };
}

/** Whether a target of this period covers an activity of `date` (YYYY-MM-DD). */
export const coversDate = (p: TargetPeriod, date: string) => p.start <= date && date <= p.end;
