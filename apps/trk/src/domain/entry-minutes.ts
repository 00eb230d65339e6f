import { formatCount } from './bahasa-format';
import type { FieldProblem } from './field-problem';

export interface EntryMinutesFacts {
  /** Outputs produced (e.g. 2 documents); a positive integer, checked at the edge. */
  quantity: number;
  /** Minutes claimed for this entry; a positive integer, checked at the edge. */
  minutes: number;
  /** The catalogue's standard minutes per output, or null for a free-text entry without a catalogue activity. */
  standardMinutes: number | null;
  /** Minutes already entered for the same date (this entry excluded, so an edit does not count itself twice). */
  dayMinutesSoFar: number;
  /** The working minutes of that day's schedule. */
  workingMinutes: number;
}

/**
 * Why the minutes of an entry are refused, or null. An entry is checked against the catalogue's norm
 * rather than taken on trust: no more than the standard minutes per output, and the day's entries
 * together no more than the day's working time. A free-text entry has no standard, so only the day's
 * total holds it.
 */
export function minutesRefusal(input: EntryMinutesFacts): FieldProblem | null {
  const { quantity, minutes, standardMinutes, dayMinutesSoFar, workingMinutes } = input;
  if (standardMinutes !== null && minutes > standardMinutes * quantity) {
    return {
      field: 'minutes',
      message: `melebihi waktu standar: paling banyak ${formatCount(standardMinutes * quantity)} menit (${quantity} × ${formatCount(standardMinutes)} menit)`,
    };
  }
  if (dayMinutesSoFar + minutes > workingMinutes) {
    const left = Math.max(0, workingMinutes - dayMinutesSoFar);
    return {
      field: 'minutes',
      message: `jumlah menit hari itu melebihi jam kerja (${formatCount(workingMinutes)} menit); sisa ${formatCount(left)} menit`,
    };
  }
  return null;
}
