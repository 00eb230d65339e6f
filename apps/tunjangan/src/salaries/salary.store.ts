import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PtkpStatus } from '../domain/ptkp-status';
import type { SalaryRow } from './salary-csv';

/** Rows per INSERT: 12 arrays of this many values stay well under PostgreSQL's parameter and message limits. */
const BATCH = 5000;

export interface StoredSalary {
  month: string;
  nip: string;
  gajiPokok: string;
  tunjanganKeluarga: string;
  tunjanganJabatanUmum: string;
  tunjanganBeras: string;
  tunjanganProfesi: string;
  zakat: string;
  ptkpStatus: PtkpStatus;
  /** The line of the file it was read from. */
  sourceLine: number;
  importedBy: string;
  importedAt: string;
}

interface SalaryRecord {
  month: string;
  nip: string;
  gaji_pokok: string;
  tunjangan_keluarga: string;
  tunjangan_jabatan_umum: string;
  tunjangan_beras: string;
  tunjangan_profesi: string;
  zakat: string;
  ptkp_status: PtkpStatus;
  source_line: number;
  imported_by: string;
  imported_at: Date;
}

/** The payroll figures per month and NIP, as the last import gave them. */
@Injectable()
export class SalaryStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the rows of one file in one transaction: each month+NIP inserted or replaced, stamped with who and now. */
  async upsert(month: string, rows: readonly SalaryRow[], by: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        const column = (pick: (r: SalaryRow) => bigint | string | number) => batch.map((r) => String(pick(r)));
        await db.query(
          `INSERT INTO salary_month (month, nip, gaji_pokok, tunjangan_keluarga, tunjangan_jabatan_umum, tunjangan_beras,
             tunjangan_profesi, zakat, ptkp_status, source_line, imported_by, imported_at)
           SELECT $1, r.nip, r.gp, r.tk, r.tju, r.tb, r.tp, r.zakat, r.ptkp, r.line, $11, now()
           FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::text[], $10::int[])
             AS r(nip, gp, tk, tju, tb, tp, zakat, ptkp, line)
           ON CONFLICT (month, nip) DO UPDATE SET
             gaji_pokok = EXCLUDED.gaji_pokok, tunjangan_keluarga = EXCLUDED.tunjangan_keluarga,
             tunjangan_jabatan_umum = EXCLUDED.tunjangan_jabatan_umum, tunjangan_beras = EXCLUDED.tunjangan_beras,
             tunjangan_profesi = EXCLUDED.tunjangan_profesi, zakat = EXCLUDED.zakat, ptkp_status = EXCLUDED.ptkp_status,
             source_line = EXCLUDED.source_line, imported_by = EXCLUDED.imported_by, imported_at = EXCLUDED.imported_at`,
          [
            month,
            column((r) => r.nip),
            column((r) => r.gajiPokok),
            column((r) => r.tunjanganKeluarga),
            column((r) => r.tunjanganJabatanUmum),
            column((r) => r.tunjanganBeras),
            column((r) => r.tunjanganProfesi),
            column((r) => r.zakat),
            column((r) => r.ptkpStatus),
            column((r) => r.line),
            by,
          ],
        );
      }
    });
  }

  async list(month: string, nip?: string): Promise<StoredSalary[]> {
    const rows = (await this.dataSource.query(
      `SELECT month, nip, gaji_pokok::text, tunjangan_keluarga::text, tunjangan_jabatan_umum::text, tunjangan_beras::text,
              tunjangan_profesi::text, zakat::text, ptkp_status, source_line, imported_by, imported_at
       FROM salary_month WHERE month = $1 AND ($2::text IS NULL OR nip = $2) ORDER BY nip`,
      [month, nip ?? null],
    )) as SalaryRecord[];
    return rows.map((r) => ({
      month: r.month,
      nip: r.nip,
      gajiPokok: r.gaji_pokok,
      tunjanganKeluarga: r.tunjangan_keluarga,
      tunjanganJabatanUmum: r.tunjangan_jabatan_umum,
      tunjanganBeras: r.tunjangan_beras,
      tunjanganProfesi: r.tunjangan_profesi,
      zakat: r.zakat,
      ptkpStatus: r.ptkp_status,
      sourceLine: r.source_line,
      importedBy: r.imported_by,
      importedAt: r.imported_at.toISOString(),
    }));
  }
}
