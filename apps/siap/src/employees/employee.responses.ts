import type { EmployeeState, EmployeeStatus, EmploymentType } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';
import type { EmployeeEntity, EmployeeHistoryEntity, HistorySection } from '../persistence/entities';

/** Response shapes of the employee routes (OpenAPI; the portal's types are generated from them). */

const STATUSES: EmployeeStatus[] = ['AKTIF', 'PENSIUN', 'BERHENTI', 'MENINGGAL', 'CLTN'];
const SECTIONS: HistorySection[] = ['golongan', 'jabatan', 'unit', 'status', 'pendidikan', 'diklat', 'hukuman_disiplin', 'penghargaan', 'data_pribadi'];

/** The employee's full current state: what registration and every career action answer. */
export class EmployeeResponse implements EmployeeState {
  @ApiProperty({ example: '199003152015031002' }) nip!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date' }) birthDate!: string;
  @ApiProperty({ enum: ['L', 'P'] }) sex!: 'L' | 'P';
  @ApiProperty({ enum: ['PNS', 'PPPK'] }) employmentType!: EmploymentType;
  @ApiProperty({ example: 'III/a' }) golongan!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ type: [String], description: 'The unit and its ancestors, nearest first' }) unitPath!: string[];
  @ApiProperty() positionCode!: string;
  @ApiProperty({ minimum: 1, maximum: 17 }) kelasJabatan!: number;
  @ApiProperty({ type: String, nullable: true, description: "The position whose holder is the employee's atasan" }) supervisorPositionCode!: string | null;
  @ApiProperty({ format: 'date' }) tmtCpns!: string;
  @ApiProperty({ enum: STATUSES }) status!: EmployeeStatus;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ description: 'Send it back with a change; a stale one is refused with 409' }) version!: number;
}

/** One entry of the riwayat: a career event or a recorded history item, with its decree. */
export class HistoryEntryResponse implements EmployeeHistoryEntity {
  @ApiProperty() id!: string;
  @ApiProperty() nip!: string;
  @ApiProperty({ enum: SECTIONS }) section!: HistorySection;
  @ApiProperty({ type: String, nullable: true }) skNumber!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) tmt!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Section-specific fields' }) details!: Record<string, unknown>;
  @ApiProperty({ type: Date }) recordedAt!: Date;
}

export class EmployeeDetailResponse extends EmployeeResponse {
  @ApiProperty({ type: [HistoryEntryResponse], description: 'Riwayat, by TMT' }) history!: HistoryEntryResponse[];
}

export class EmployeeListItemResponse implements EmployeeEntity {
  @ApiProperty() nip!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date' }) birthDate!: string;
  @ApiProperty({ enum: ['L', 'P'] }) sex!: 'L' | 'P';
  @ApiProperty({ enum: ['PNS', 'PPPK'] }) employmentType!: EmploymentType;
  @ApiProperty() golongan!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty() positionCode!: string;
  @ApiProperty({ format: 'date' }) tmtCpns!: string;
  @ApiProperty({ enum: STATUSES }) status!: EmployeeStatus;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ type: Date }) createdAt!: Date;
  @ApiProperty({ type: Date }) updatedAt!: Date;
}

export class EmployeePageResponse {
  @ApiProperty({ type: [EmployeeListItemResponse] }) items!: EmployeeListItemResponse[];
  @ApiProperty({ description: 'All matches, across pages' }) total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
