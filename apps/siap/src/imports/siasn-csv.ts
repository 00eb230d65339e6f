import { HttpStatus } from '@nestjs/common';
import { ApiError, unreadableCsv } from '@app/service-kit';
import { parse } from 'csv-parse/sync';

/**
 * The columns of SIASN's "Export Data ASN" that SIAP reads, and the registration field each fills.
 * Other columns of the export are ignored, so the file can be imported as downloaded.
 */
export const SIASN_COLUMNS = {
  'NIP BARU': 'nip',
  NAMA: 'name',
  'TGL LAHIR': 'birthDate',
  'JENIS KELAMIN': 'sex',
  'JENIS PEGAWAI NAMA': 'employmentType',
  'GOL AKHIR NAMA': 'golongan',
  'UNOR ID': 'unitCode',
  'JABATAN ID': 'positionCode',
  'TMT CPNS': 'tmtCpns',
  EMAIL: 'email',
  'NOMOR HP': 'phone',
} as const;

const OPTIONAL = new Set(['EMAIL', 'NOMOR HP']);
export type SiasnColumn = keyof typeof SIASN_COLUMNS;
export const COLUMN_OF_FIELD: Record<string, string> = Object.fromEntries(Object.entries(SIASN_COLUMNS).map(([column, field]) => [field, column]));

export interface SiasnRow {
  /** Line number in the file (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

/** SIASN writes dates as DD-MM-YYYY; ISO dates are accepted too. Anything else is left for validation to reject. */
function isoDate(value: string): string {
  const dmy = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(value);
  return dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : value;
}

function sex(value: string): string {
  const v = value.trim().toUpperCase();
  if (['L', 'M', 'PRIA', 'LAKI-LAKI', '1'].includes(v)) return 'L';
  if (['P', 'F', 'WANITA', 'PEREMPUAN', '2'].includes(v)) return 'P';
  return v;
}

/** Maps one SIASN row onto the fields of a registration (still to be validated). */
export function toRegistration(row: SiasnRow): Record<string, string | null> {
  const v = row.values;
  return {
    nip: v['NIP BARU'] ?? '',
    name: v.NAMA ?? '',
    birthDate: isoDate(v['TGL LAHIR'] ?? ''),
    sex: sex(v['JENIS KELAMIN'] ?? ''),
    employmentType: /PPPK/i.test(v['JENIS PEGAWAI NAMA'] ?? '') ? 'PPPK' : 'PNS',
    golongan: v['GOL AKHIR NAMA'] ?? '',
    unitCode: v['UNOR ID'] ?? '',
    positionCode: v['JABATAN ID'] ?? '',
    tmtCpns: isoDate(v['TMT CPNS'] ?? ''),
    email: v.EMAIL ? v.EMAIL : null,
    phone: v['NOMOR HP'] ? v['NOMOR HP'] : null,
  };
}

/** Parses the file and checks its header; a file SIAP cannot read at all is refused with 400. */
export function parseSiasnCsv(text: string): SiasnRow[] {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = [',', ';', '|', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toUpperCase()),
      bom: true,
      delimiter,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    });
  } catch (error) {
    throw unreadableCsv(error, text);
  }
  const header = new Set(records.length > 0 ? Object.keys(records[0].record) : firstLine.split(delimiter).map((h) => h.trim().toUpperCase()));
  const missing = Object.keys(SIASN_COLUMNS).filter((c) => !OPTIONAL.has(c) && !header.has(c));
  if (missing.length > 0) {
    throw new ApiError(
      HttpStatus.BAD_REQUEST,
      `Kolom wajib tidak ada: ${missing.join(', ')}`,
      missing.map((c) => ({ field: c, message: 'kolom wajib tidak ada' })),
    );
  }
  return records.map(({ record, info }) => ({ line: info.lines, values: record }));
}
