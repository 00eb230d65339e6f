import { JobRowErrorResponse } from '@app/service-kit';
import { ApiProperty } from '@nestjs/swagger';
import { PTKP_STATUSES, type PtkpStatus } from '../domain/ptkp-status';
import type { StoredSalary } from './salary.store';

/** Response shapes of the salary routes (OpenAPI). Amounts are whole rupiah as digit strings: exact, never floats. */

const RUPIAH = { pattern: '^[0-9]+$', example: '3920000' } as const;

export class SalaryResponse implements StoredSalary {
  @ApiProperty({ example: '2026-06' }) month!: string;
  @ApiProperty({ example: '199003152015031002' }) nip!: string;
  @ApiProperty({ ...RUPIAH }) gajiPokok!: string;
  @ApiProperty({ ...RUPIAH }) tunjanganKeluarga!: string;
  @ApiProperty({ ...RUPIAH, description: 'Tunjangan jabatan or tunjangan umum' }) tunjanganJabatanUmum!: string;
  @ApiProperty({ ...RUPIAH }) tunjanganBeras!: string;
  @ApiProperty({ ...RUPIAH, description: '0 when not in the file' }) tunjanganProfesi!: string;
  @ApiProperty({ ...RUPIAH, description: 'Zakat through an official body; 0 when not in the file' }) zakat!: string;
  @ApiProperty({ enum: PTKP_STATUSES }) ptkpStatus!: PtkpStatus;
  @ApiProperty({ description: 'Line of the imported file it was read from' }) sourceLine!: number;
  @ApiProperty({ description: 'NIP of the admin who imported it' }) importedBy!: string;
  @ApiProperty({ format: 'date-time' }) importedAt!: string;
}

export class SalaryImportResponse {
  @ApiProperty({ example: '2026-06' }) month!: string;
  @ApiProperty({ description: 'Rows stored (inserted or replacing the month’s earlier figures for that NIP)' }) stored!: number;
  @ApiProperty({ description: 'Rows refused; see errors' }) rejected!: number;
  @ApiProperty({ type: [JobRowErrorResponse], description: 'Every refused row with all its problems, by line (1 = the header)' })
  errors!: JobRowErrorResponse[];
}
