import { ApiError, isCalendarDate, isCalendarDateTime, textProblem, unreadableCsv, type FieldProblem } from '@app/service-kit';
import { parse } from 'csv-parse/sync';

export interface MachineLogRow {
  line: number;
  nip: string;
  timestamp: string;
  type: string;
}

/** Header names attendance machines and their export tools use, mapped to our three fields. */
const HEADERS: Record<string, keyof Omit<MachineLogRow, 'line'>> = {
  nip: 'nip',
  timestamp: 'timestamp',
  waktu: 'timestamp',
  'tanggal jam': 'timestamp',
  datetime: 'timestamp',
  type: 'type',
  jenis: 'type',
  status: 'type',
};

const TYPES: Record<string, 'IN' | 'OUT'> = { IN: 'IN', MASUK: 'IN', 'CHECK IN': 'IN', OUT: 'OUT', PULANG: 'OUT', KELUAR: 'OUT', 'CHECK OUT': 'OUT' };

export function parseMachineLog(csv: string): MachineLogRow[] {
  const delimiter = (csv.split('\n', 1)[0].match(/;/g)?.length ?? 0) > (csv.split('\n', 1)[0].match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(csv, { delimiter, skip_empty_lines: true, trim: true, relax_column_count: true, bom: true });
  } catch (error) {
    throw unreadableCsv(error, csv);
  }
  const [header, ...rows] = records;
  const columns = (header ?? []).map((h) => HEADERS[h.toLowerCase()]);
  const missing = ['nip', 'timestamp', 'type'].filter((f) => !columns.includes(f as never));
  if (missing.length)
    throw new ApiError(
      400,
      `Kolom CSV wajib tidak ada: ${missing.join(', ')} (kolom: NIP, WAKTU, JENIS)`,
      missing.map((f) => ({ field: f, message: 'kolom wajib' })),
    );
  return rows.map((values, i) => {
    const row: MachineLogRow = { line: i + 2, nip: '', timestamp: '', type: '' };
    columns.forEach((field, c) => {
      if (field) row[field] = values[c] ?? '';
    });
    return row;
  });
}

export interface ParsedLog {
  nip: string;
  type: 'IN' | 'OUT';
  at: Date;
}

/**
 * One row checked: an 18-digit NIP, IN/OUT (or MASUK/PULANG), and a time either local to the province
 * ("2026-10-01 07:45[:10]", as machines write it) or ISO 8601 with an offset.
 */
export function checkRow(row: MachineLogRow, localToInstant: (date: string, time: string) => Date, now: Date): ParsedLog | FieldProblem[] {
  const problems: FieldProblem[] = [];
  const unreadable = (['nip', 'timestamp', 'type'] as const).find((f) => textProblem(row[f], false));
  if (unreadable) return [{ field: { nip: 'NIP', timestamp: 'WAKTU', type: 'JENIS' }[unreadable], message: textProblem(row[unreadable], false)! }];
  if (!/^\d{18}$/.test(row.nip)) problems.push({ field: 'NIP', message: 'harus 18 digit angka' });
  const type = TYPES[row.type.toUpperCase()];
  if (!type) problems.push({ field: 'JENIS', message: 'harus IN/MASUK atau OUT/PULANG' });
  let at: Date | null = null;
  // A time that does not exist (30 February, 24:10) is this row's error, never a day rolled over.
  const local = /^(\d{4}-\d{2}-\d{2})[ T](([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)$/.exec(row.timestamp);
  if (local && isCalendarDate(local[1])) at = localToInstant(local[1], local[2]);
  else if (!local && isCalendarDateTime(row.timestamp)) at = new Date(row.timestamp);
  if (!at || Number.isNaN(at.getTime())) problems.push({ field: 'WAKTU', message: 'harus berupa waktu yang ada, YYYY-MM-DD HH:MM[:SS]' });
  else if (at > now) problems.push({ field: 'WAKTU', message: 'tidak boleh di masa depan' });
  return problems.length ? problems : { nip: row.nip, type: type!, at: at! };
}
