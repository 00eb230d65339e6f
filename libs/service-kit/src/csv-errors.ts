import { ApiError } from './errors';

/** What csv-parse's error codes mean, for staff. */
const PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'tanda kutip tidak ditutup',
  INVALID_OPENING_QUOTE:
    'tanda kutip di tengah nilai yang tidak diawali tanda kutip (tulis nilainya di antara tanda kutip, dengan "" untuk tanda kutip di dalamnya)',
  CSV_INVALID_OPENING_QUOTE:
    'tanda kutip di tengah nilai yang tidak diawali tanda kutip (tulis nilainya di antara tanda kutip, dengan "" untuk tanda kutip di dalamnya)',
  CSV_INVALID_CLOSING_QUOTE: 'ada karakter setelah tanda kutip penutup, sebelum pemisah kolom',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'ada karakter setelah tanda kutip penutup, sebelum pemisah kolom',
  CSV_MAX_RECORD_SIZE: 'baris terlalu panjang',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'jumlah kolom tidak sama dengan baris judul',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'jumlah kolom tidak sama dengan baris judul',
  CSV_INVALID_COLUMN_DEFINITION: 'baris judul kolom tidak valid',
  CSV_OPTION_COLUMNS_MISSING_NAME: 'ada kolom tanpa judul',
  CSV_INVALID_COLUMN_MAPPING: 'baris judul kolom tidak valid',
};

/**
 * A CSV upload csv-parse could not read, as the platform's 400 naming the file, the line (and column)
 * and what is wrong, never csv-parse's English. An unclosed quote is reported where it was opened:
 * csv-parse only knows where the file ended.
 */
export function unreadableCsv(error: unknown, text: string): ApiError {
  const { code = '', lines, column } = error as { code?: string; lines?: number; column?: number | string };
  const line = code === 'CSV_QUOTE_NOT_CLOSED' ? (lineOfUnclosedQuote(text) ?? lines) : lines;
  // With named columns csv-parse gives the column's name, otherwise its index from 0.
  const named = typeof column === 'number' ? String(column + 1) : column;
  const where = [line ? `baris ${line}` : null, named && code !== 'CSV_QUOTE_NOT_CLOSED' ? `kolom ${named}` : null].filter(Boolean).join(', ');
  const problem = `${where ? `${where}: ` : ''}${PROBLEMS[code] ?? 'tidak dapat dibaca sebagai CSV'}`;
  return new ApiError(400, `Berkas CSV tidak dapat dibaca: ${problem}`, [{ field: 'file', message: problem }]);
}

/** The line of the quote still open at the end (every quote opens or closes a quoted value; "" inside one does both). */
function lineOfUnclosedQuote(text: string): number | null {
  let line = 1;
  let openedAt: number | null = null;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') line++;
    else if (text[i] === '"') openedAt = openedAt === null ? line : null;
  }
  return openedAt;
}
