import { assertValidEvent, ContractViolation, EmployeeEvents, type EventDefinition } from '@app/contracts';
import { printable, textProblem, toFieldProblems, type FieldProblem, type JobRowError } from '@app/service-kit';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { RegisterEmployeeDto } from '../employees/employee.dto';
import { buildEmployeeState } from '../employees/employee-state';
import { registrationProblems } from '../employees/registration-rules';
import { EmployeeEntity, type PositionEntity } from '../persistence/entities';
import { COLUMN_OF_FIELD, toRegistration, type SiasnRow } from './siasn-csv';

/** The organisation as an import checks it: read once for the whole file. */
export interface Organisation {
  units: Map<string, string | null>;
  positions: Map<string, PositionEntity>;
  paths: Map<string, string[]>;
  /** An operator's import: every row must land in this unit or one below it. */
  withinUnit?: string;
}

export interface CheckedRows {
  candidates: { row: SiasnRow; dto: RegisterEmployeeDto }[];
  errors: JobRowError[];
}

/**
 * The rows of a batch split into registrations to store and row errors. `firstLineOfNip` remembers the
 * good rows of the file so far, so a NIP twice in one file is the second row's error.
 */
export function checkRows(rows: SiasnRow[], org: Organisation, firstLineOfNip: Map<string, number>): CheckedRows {
  const result: CheckedRows = { candidates: [], errors: [] };
  for (const row of rows) {
    const plain = toRegistration(row);
    const problems = rowProblems(plain, org);
    const earlier = firstLineOfNip.get(plain.nip ?? '');
    if (problems.length === 0 && earlier !== undefined) problems.push({ field: 'NIP BARU', message: `NIP ganda dalam berkas (sudah ada di baris ${earlier})` });
    if (problems.length > 0) {
      result.errors.push({ line: row.line, key: printable(plain.nip ?? '', 20), problems });
      continue;
    }
    firstLineOfNip.set(plain.nip as string, row.line);
    result.candidates.push({ row, dto: plainToInstance(RegisterEmployeeDto, plain) });
  }
  return result;
}

/**
 * Cell text, format checks (the same DTO as a single registration), the registration rules, then the
 * event contract the row's event must meet, named by CSV column: a row that fails any of them is that
 * row's error and never fails its batch.
 */
export function rowProblems(plain: Record<string, string | null>, org: Organisation): FieldProblem[] {
  const textProblems = Object.entries(plain).flatMap(([field, value]) => {
    const problem = value === null ? null : textProblem(value, false);
    return problem ? [{ field, message: problem }] : [];
  });
  const dto = plainToInstance(RegisterEmployeeDto, plain);
  const formatErrors = textProblems.length ? [] : validateSync(dto, { stopAtFirstError: true });
  let problems = textProblems.length
    ? textProblems
    : formatErrors.length
      ? toFieldProblems(formatErrors)
      : registrationProblems(dto, { hasUnit: (code) => org.units.has(code), positionUnit: (code) => org.positions.get(code)?.unitCode });
  if (problems.length === 0 && org.withinUnit && !org.paths.get(dto.unitCode)?.includes(org.withinUnit))
    problems = [{ field: 'unitCode', message: `di luar unit kerja yang Anda kelola (${org.withinUnit})` }];
  if (problems.length === 0) problems = contractProblems(EmployeeEvents.registered, { employee: registrationState(dto, org) });
  return problems.map((p) => ({ field: COLUMN_OF_FIELD[p.field] ?? p.field, message: p.message }));
}

export function registrationState(dto: RegisterEmployeeDto, org: Organisation) {
  const entity = Object.assign(new EmployeeEntity(), { ...dto, email: dto.email ?? null, phone: dto.phone ?? null, status: 'AKTIF', version: 1 });
  return buildEmployeeState(entity, org.positions.get(dto.positionCode)!, org.paths.get(dto.unitCode)!);
}

/** The fields of a row's event that break its contract, as row problems (the DTO should have caught them). */
function contractProblems(definition: EventDefinition<unknown>, data: unknown): FieldProblem[] {
  try {
    assertValidEvent(definition, data);
    return [];
  } catch (error) {
    if (!(error instanceof ContractViolation)) throw error;
    return error.fields.map((f) => ({ field: f.path.split('/').filter(Boolean).at(-1) ?? 'row', message: 'tidak memenuhi kontrak data' }));
  }
}
