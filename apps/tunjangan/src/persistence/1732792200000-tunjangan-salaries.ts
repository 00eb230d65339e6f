import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The payment month's salary figures from the payroll system (SIMGAJI), imported by BKD as a CSV: the
 * base of BPJS on TPP and of PPh 21 on salary + TPP. One row per month and NIP; a re-import replaces the
 * figures and records who imported them and when. Amounts are whole rupiah (bigint), never float.
 */
export class TunjanganSalaries1732792200000 implements MigrationInterface {
  name = 'TunjanganSalaries1732792200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE salary_month (
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        nip text NOT NULL CHECK (nip ~ '^[0-9]{18}$'),
        gaji_pokok bigint NOT NULL CHECK (gaji_pokok > 0),
        tunjangan_keluarga bigint NOT NULL CHECK (tunjangan_keluarga >= 0),
        tunjangan_jabatan_umum bigint NOT NULL CHECK (tunjangan_jabatan_umum >= 0),
        tunjangan_beras bigint NOT NULL CHECK (tunjangan_beras >= 0),
        tunjangan_profesi bigint NOT NULL DEFAULT 0 CHECK (tunjangan_profesi >= 0),
        zakat bigint NOT NULL DEFAULT 0 CHECK (zakat >= 0),
        ptkp_status text NOT NULL CHECK (ptkp_status IN ('TK/0', 'TK/1', 'TK/2', 'TK/3', 'K/0', 'K/1', 'K/2', 'K/3')),
        source_line int NOT NULL,
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (month, nip)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE salary_month');
  }
}
