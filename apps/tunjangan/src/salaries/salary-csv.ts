import { ApiError, printable, textProblem, unreadableCsv, type FieldProblem } from '@app/service-kit';
import { parse } from 'csv-parse/sync';
import { isPtkpStatus, PTKP_STATUSES, type PtkpStatus } from '../domain/ptkp-status';

/**
 * SIMGAJI's monthly salary file: one row per employee paid that month. The province has some 36,000
 * employees; a file many times that size is not a salary list.
 */
export const MAX_SALARY_ROWS = 100_000;

/** The largest amount read: 15 digits (just under Rp1.000 triliun) is far beyond any salary and exact as a JSON number. */
const MAX_AMOUNT_DIGITS = 15;

export type SalaryAmountField = 'gajiPokok' | 'tunjanganKeluarga' | 'tunjanganJabatanUmum' | 'tunjanganBeras' | 'tunjanganProfesi' | 'zakat';
type SalaryField = 'nip' | SalaryAmountField | 'ptkpStatus';

interface ColumnSpec {
  field: SalaryField;
  /** The column's name in messages (and the header a template should use). */
  label: string;
  /** Headers read as this column, after normalisation (upper case, one space, no spaces around '/'). */
  aliases: readonly string[];
  required: boolean;
}

/** The columns read; others in the file (NAMA, golongan, potongan, …) are ignored so SIMGAJI's export can be sent as it is. */
export const SALARY_COLUMNS: readonly ColumnSpec[] = [
  { field: 'nip', label: 'NIP', aliases: ['NIP', 'NIP BARU'], required: true },
  { field: 'gajiPokok', label: 'GAJI POKOK', aliases: ['GAJI POKOK', 'GAPOK'], required: true },
  { field: 'tunjanganKeluarga', label: 'TUNJANGAN KELUARGA', aliases: ['TUNJANGAN KELUARGA', 'TUNJ KELUARGA', 'TJ KELUARGA'], required: true },
  {
    field: 'tunjanganJabatanUmum',
    label: 'TUNJANGAN JABATAN/UMUM',
    aliases: ['TUNJANGAN JABATAN/UMUM', 'TUNJANGAN JABATAN ATAU UMUM', 'TUNJANGAN JABATAN', 'TUNJANGAN UMUM', 'TJ JABATAN/UMUM'],
    required: true,
  },
  { field: 'tunjanganBeras', label: 'TUNJANGAN BERAS', aliases: ['TUNJANGAN BERAS', 'TUNJ BERAS', 'TJ BERAS'], required: true },
  { field: 'tunjanganProfesi', label: 'TUNJANGAN PROFESI', aliases: ['TUNJANGAN PROFESI', 'TUNJ PROFESI', 'TJ PROFESI'], required: false },
  { field: 'ptkpStatus', label: 'STATUS PTKP', aliases: ['STATUS PTKP', 'PTKP', 'PTKP STATUS'], required: true },
  { field: 'zakat', label: 'ZAKAT', aliases: ['ZAKAT'], required: false },
];

export interface SalaryFigures {
  nip: string;
  gajiPokok: bigint;
  tunjanganKeluarga: bigint;
  tunjanganJabatanUmum: bigint;
  tunjanganBeras: bigint;
  /** 0 when the file has no such column or the cell is empty. */
  tunjanganProfesi: bigint;
  ptkpStatus: PtkpStatus;
  /** Monthly zakat paid through an official body (deductible in the annual recalculation); 0 when not given. */
  zakat: bigint;
}

export interface SalaryRow extends SalaryFigures {
  /** Line in the file (the header is line 1). */
  line: number;
}

export interface SalaryRowError {
  line: number;
  /** The NIP as read (made printable), so staff can find the row. */
  key: string;
  problems: FieldProblem[];
}

/** A header as SIMGAJI or a spreadsheet may write it: any case, underscores or several spaces, spaces around '/'. */
function normalise(header: string): string {
  return header
    .toUpperCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\./g, '')
    .trim();
}

/** ';' (spreadsheets in Indonesian locale) or ',' — whichever the header line uses more. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * A whole-rupiah amount: digits, optionally grouped by Indonesian thousands dots (3.920.000) and
 * preceded by "Rp". Decimals and negatives are refused, never rounded: the salary is whole rupiah.
 */
export function readRupiah(raw: string, required: boolean): { value: bigint } | { problem: string } {
  const text = raw.replace(/^rp\.?\s*/i, '').trim();
  if (text === '') return required ? { problem: 'wajib diisi' } : { value: 0n };
  if (/^[-−(]/.test(text)) return { problem: 'tidak boleh negatif' };
  const digits = /^\d+$/.test(text) ? text : /^\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, '') : null;
  if (digits === null)
    return {
      problem: /^[\d.,\s]+$/.test(text)
        ? 'harus rupiah bulat tanpa desimal (titik hanya sebagai pemisah ribuan, mis. 3.920.000)'
        : 'harus berupa angka rupiah bulat, mis. 3920000 atau 3.920.000',
    };
  if (digits.replace(/^0+(?=\d)/, '').length > MAX_AMOUNT_DIGITS) return { problem: `terlalu besar (paling banyak ${MAX_AMOUNT_DIGITS} digit)` };
  return { value: BigInt(digits) };
}

/**
 * Reads the file and checks every row: valid rows are returned to be stored, every invalid row with all
 * its problems (in Bahasa Indonesia). A file that cannot be read at all (not CSV, a required column
 * missing, no rows, too many rows) is refused with 400 naming the column or the file.
 */
export function parseSalaryCsv(text: string): { rows: SalaryRow[]; errors: SalaryRowError[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw unreadableCsv(error, text);
  }
  const [header, ...lines] = records;
  if (!header) throw new ApiError(400, 'Berkas CSV kosong', [{ field: 'file', message: 'tidak ada baris judul kolom' }]);

  const indexOf = new Map<SalaryField, number>();
  const doubled: FieldProblem[] = [];
  header.record.forEach((name, i) => {
    const spec = SALARY_COLUMNS.find((c) => c.aliases.includes(normalise(name)));
    if (!spec) return;
    if (indexOf.has(spec.field)) doubled.push({ field: spec.label, message: `kolom ganda (kolom ${indexOf.get(spec.field)! + 1} dan ${i + 1})` });
    else indexOf.set(spec.field, i);
  });
  const missing = SALARY_COLUMNS.filter((c) => c.required && !indexOf.has(c.field));
  if (missing.length > 0)
    throw new ApiError(
      400,
      `Kolom wajib tidak ada: ${missing.map((c) => c.label).join(', ')}`,
      missing.map((c) => ({ field: c.label, message: 'kolom wajib tidak ada' })),
    );
  if (doubled.length > 0) throw new ApiError(400, `Kolom ganda: ${doubled.map((d) => d.field).join(', ')}`, doubled);
  if (lines.length === 0) throw new ApiError(400, 'Berkas CSV tidak memuat baris gaji', [{ field: 'file', message: 'tidak ada baris data' }]);
  if (lines.length > MAX_SALARY_ROWS)
    throw new ApiError(400, `Berkas CSV memuat ${lines.length} baris; paling banyak ${MAX_SALARY_ROWS} baris sekali impor`, [
      { field: 'file', message: `maksimal ${MAX_SALARY_ROWS} baris` },
    ]);

  const rows: SalaryRow[] = [];
  const errors: SalaryRowError[] = [];
  const firstLineOf = new Map<string, number>();
  const repeated = new Set<string>();
  for (const { record, info } of lines) {
    const line = info.lines;
    const cell = (field: SalaryField) => {
      const i = indexOf.get(field);
      return i === undefined ? '' : (record[i] ?? '');
    };
    const problems: FieldProblem[] = [];
    for (const spec of SALARY_COLUMNS) {
      const problem = textProblem(cell(spec.field), true);
      if (problem) problems.push({ field: spec.label, message: problem });
    }
    const nip = cell('nip');
    if (problems.length === 0) {
      if (nip === '') problems.push({ field: 'NIP', message: 'wajib diisi' });
      else if (!/^\d{18}$/.test(nip)) problems.push({ field: 'NIP', message: 'harus 18 digit angka' });
      else if (firstLineOf.has(nip)) problems.push({ field: 'NIP', message: `NIP yang sama sudah ada di baris ${firstLineOf.get(nip)}` });
      const amounts: Partial<Record<SalaryAmountField, bigint>> = {};
      for (const spec of SALARY_COLUMNS) {
        if (spec.field === 'nip' || spec.field === 'ptkpStatus') continue;
        const read = readRupiah(cell(spec.field), spec.required);
        if ('problem' in read) problems.push({ field: spec.label, message: read.problem });
        else amounts[spec.field] = read.value;
      }
      if (amounts.gajiPokok === 0n) problems.push({ field: 'GAJI POKOK', message: 'harus lebih dari 0' });
      const ptkp = cell('ptkpStatus').toUpperCase().replace(/\s+/g, '');
      if (ptkp === '') problems.push({ field: 'STATUS PTKP', message: 'wajib diisi' });
      else if (!isPtkpStatus(ptkp)) problems.push({ field: 'STATUS PTKP', message: `harus salah satu dari ${PTKP_STATUSES.join(', ')}` });
      if (problems.length === 0 && isPtkpStatus(ptkp))
        rows.push({
          line,
          nip,
          gajiPokok: amounts.gajiPokok!,
          tunjanganKeluarga: amounts.tunjanganKeluarga!,
          tunjanganJabatanUmum: amounts.tunjanganJabatanUmum!,
          tunjanganBeras: amounts.tunjanganBeras!,
          tunjanganProfesi: amounts.tunjanganProfesi ?? 0n,
          ptkpStatus: ptkp,
          zakat: amounts.zakat ?? 0n,
        });
    }
    if (/^\d{18}$/.test(nip) && !firstLineOf.has(nip)) firstLineOf.set(nip, line);
    else if (firstLineOf.has(nip)) repeated.add(nip);
    if (problems.length > 0) errors.push({ line, key: printable(nip, 40), problems });
  }
  if (repeated.size === 0) return { rows, errors };
  // Which of two rows for one NIP is right cannot be known: the first is not stored either.
  for (const nip of repeated) {
    const line = firstLineOf.get(nip)!;
    const again = errors.filter((e) => e.key === nip && e.line !== line).map((e) => e.line);
    const problem = { field: 'NIP', message: `NIP yang sama ada lagi di baris ${again.join(', ')}` };
    const existing = errors.find((e) => e.line === line);
    if (existing) existing.problems.unshift(problem);
    else errors.push({ line, key: nip, problems: [problem] });
  }
  return { rows: rows.filter((r) => !repeated.has(r.nip)), errors: errors.sort((a, b) => a.line - b.line) };
}
