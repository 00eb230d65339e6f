import type { EmployeeScopeFacts } from '@app/auth';
import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

/** An employee as a consuming service knows them from SIAP, with the facts the scope rules (libs/auth) need. */
export interface ReadModelEmployee extends EmployeeScopeFacts {
  name: string;
  unitCode: string;
  positionCode: string;
  status: string;
  tmtCpns: string | null;
  kelasJabatan: number | null;
}

/**
 * The one place a consuming service asks who an employee's atasan is and which units an operator
 * covers, on its read model (SIAP asks the same of its own tables). The atasan is whoever holds the
 * employee's supervisor position and is in service.
 */
@Injectable()
export class SiapScope {
  async employee(db: Queryable, nip: string): Promise<ReadModelEmployee | null> {
    const [row] = (await db.query(
      `SELECT e.nip, e.name, e.unit_code, e.unit_path, e.position_code, e.status, to_char(e.tmt_cpns, 'YYYY-MM-DD') AS tmt_cpns, e.kelas_jabatan,
              (SELECT a.nip FROM employee a WHERE a.position_code = e.supervisor_position_code AND a.status = 'AKTIF' ORDER BY a.nip LIMIT 1) AS atasan_nip
       FROM employee e WHERE e.nip = $1`,
      [nip],
    )) as {
      nip: string;
      name: string;
      unit_code: string;
      unit_path: string[];
      position_code: string;
      status: string;
      tmt_cpns: string | null;
      kelas_jabatan: number | null;
      atasan_nip: string | null;
    }[];
    if (!row) return null;
    return {
      nip: row.nip.trim(),
      name: row.name,
      unitCode: row.unit_code,
      unitPath: row.unit_path,
      positionCode: row.position_code,
      status: row.status,
      tmtCpns: row.tmt_cpns,
      kelasJabatan: row.kelas_jabatan,
      atasanNip: row.atasan_nip?.trim() ?? null,
    };
  }

  /** A unit and its ancestors, nearest first; null when SIAP has not announced it. */
  async unitPath(db: Queryable, unitCode: string): Promise<string[] | null> {
    const [row] = (await db.query('SELECT path FROM unit WHERE code = $1', [unitCode])) as { path: string[] }[];
    return row?.path ?? null;
  }
}
