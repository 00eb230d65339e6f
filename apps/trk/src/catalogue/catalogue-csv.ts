import { ApiError, printable, textProblem, toFieldProblems, unreadableCsv, type FieldProblem } from '@app/service-kit';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { CatalogueActivityDto, CODE, CODE_MESSAGE } from './catalogue.dto';

/** A catalogue file is one OPD's or the province's list of activities: a few thousand rows at most. */
export const MAX_IMPORT_ROWS = 5000;

const REQUIRED = ['code', 'name', 'outputUnit', 'standardMinutes', 'evidenceRequired', 'positionType', 'positionCode'] as const;
const OPTIONAL = ['group', 'share'] as const;
const COLUMNS: readonly string[] = [...REQUIRED, ...OPTIONAL];

const YES = new Set(['true', 'ya', 'y', '1']);
const NO = new Set(['false', 'tidak', 't', '0']);

export interface CatalogueRow {
  line: number;
  code: string;
  activity: CatalogueActivityDto;
}

export interface CatalogueRowError {
  line: number;
  key: string;
  problems: FieldProblem[];
}

/** The file's rows, read and checked one by one: every row's problems are reported, not only the first row's. */
export function parseCatalogueCsv(csv: string): { rows: CatalogueRow[]; errors: CatalogueRowError[] } {
  const firstLine = csv.split('\n', 1)[0];
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(csv, { delimiter, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw unreadableCsv(error, csv);
  }
  const [header = [], ...lines] = records;
  const columns = header.map((h) => COLUMNS.find((c) => c.toLowerCase() === h.toLowerCase()));
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    throw new ApiError(
      400,
      `Kolom CSV wajib tidak ada: ${missing.join(', ')} (kolom: ${REQUIRED.join(',')})`,
      missing.map((field) => ({ field, message: 'kolom wajib' })),
    );
  if (lines.length === 0) throw new ApiError(400, 'Berkas CSV tidak memuat baris kegiatan', [{ field: 'file', message: 'tidak ada baris data' }]);
  if (lines.length > MAX_IMPORT_ROWS)
    throw new ApiError(400, `Berkas CSV memuat ${lines.length} baris; paling banyak ${MAX_IMPORT_ROWS} baris sekali impor`, [
      { field: 'file', message: `maksimal ${MAX_IMPORT_ROWS} baris` },
    ]);

  const rows: CatalogueRow[] = [];
  const errors: CatalogueRowError[] = [];
  const seen = new Map<string, number>();
  lines.forEach((values, i) => {
    const line = i + 2;
    const cells: Record<string, string> = {};
    columns.forEach((column, c) => {
      if (column) cells[column] = values[c] ?? '';
    });
    const problems = COLUMNS.flatMap((column) => {
      const problem = cells[column] === undefined ? null : textProblem(cells[column], true);
      return problem ? [{ field: column, message: problem }] : [];
    });
    const code = cells.code ?? '';
    if (problems.length === 0) {
      if (!CODE.test(code)) problems.push({ field: 'code', message: CODE_MESSAGE });
      else if (seen.has(code)) problems.push({ field: 'code', message: `sudah ada di baris ${seen.get(code)}` });
      const activity = plainToInstance(CatalogueActivityDto, activityOf(cells));
      problems.push(...toFieldProblems(validateSync(activity, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true })));
      if (problems.length === 0) rows.push({ line, code, activity });
    }
    seen.set(code, seen.get(code) ?? line);
    if (problems.length > 0) errors.push({ line, key: printable(code, 40), problems });
  });
  return { rows, errors };
}

/** A row's cells as the DTO's fields: numbers and yes/no read as such; an empty cell is a field left out. */
function activityOf(cells: Record<string, string>): Record<string, unknown> {
  const given = (column: string) => (cells[column] === undefined || cells[column] === '' ? undefined : cells[column]);
  const integer = (value: string | undefined) => (value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : value);
  const flag = (value: string | undefined) => {
    const v = value?.toLowerCase();
    return v === undefined ? undefined : YES.has(v) ? true : NO.has(v) ? false : value;
  };
  return {
    name: cells.name,
    outputUnit: cells.outputUnit,
    standardMinutes: integer(given('standardMinutes')),
    evidenceRequired: flag(given('evidenceRequired')),
    positionType: given('positionType'),
    positionCode: given('positionCode'),
    group: given('group'),
    share: integer(given('share')),
  };
}
