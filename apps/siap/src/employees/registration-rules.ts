import type { FieldProblem } from '@app/service-kit';
import { isValidGolongan } from '../domain/golongan';
import { checkNipAgainstRecord, parseNip } from '../domain/nip';
import type { RegisterEmployeeDto } from './employee.dto';

/** What the registration rules need to know about the organisation. */
export interface OrganisationLookup {
  hasUnit(code: string): boolean;
  positionUnit(code: string): string | undefined;
}

/**
 * The rules a well-formed registration must also meet, every field at fault named. Shared by the
 * single registration and the bulk import, which looks the organisation up once for the whole file.
 */
export function registrationProblems(dto: RegisterEmployeeDto, org: OrganisationLookup, today = new Date()): FieldProblem[] {
  const problems: FieldProblem[] = [...parseNip(dto.nip, today).problems];
  if (problems.length === 0) problems.push(...checkNipAgainstRecord(dto.nip, dto.birthDate, dto.sex, today));
  if (!isValidGolongan(dto.employmentType, dto.golongan)) {
    problems.push({ field: 'golongan', message: dto.employmentType === 'PNS' ? 'harus I/a sampai IV/e untuk PNS' : 'harus I sampai XVII untuk PPPK' });
  }
  if (!org.hasUnit(dto.unitCode)) problems.push({ field: 'unitCode', message: `unit ${dto.unitCode} tidak ditemukan` });
  const positionUnit = org.positionUnit(dto.positionCode);
  if (positionUnit === undefined) problems.push({ field: 'positionCode', message: `jabatan ${dto.positionCode} tidak ditemukan` });
  else if (positionUnit !== dto.unitCode)
    problems.push({ field: 'positionCode', message: `jabatan ${dto.positionCode} bukan jabatan pada unit ${dto.unitCode}` });
  if (dto.tmtCpns < dto.birthDate) problems.push({ field: 'tmtCpns', message: 'tidak boleh sebelum tanggal lahir' });
  return problems;
}
