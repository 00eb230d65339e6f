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
 * employee's supervisor position and is in service (the first by NIP when several do).
 */
@Injectable()
export class SiapScope {
  /** SQL: the NIP of the atasan of the read model's employee row aliased `employee`, or NULL. */
  static atasanOf(employee: string): string {
    return `(SELECT a.nip FROM employee a WHERE a.position_code = ${employee}.supervisor_position_code AND a.status = 'AKTIF' ORDER BY a.nip LIMIT 1)`;
  }

  /**
   * SQL: the NIPs whose atasan (as atasanOf decides) is the one in `atasanNip` (a parameter or
   * column), found from the atasan's side: their position, its holders before them, and the employees
   * under it, each by an index, where atasanOf would be asked of every employee in turn.
   */
  static subordinatesOf(atasanNip: string): string {
    return `(SELECT s.nip FROM employee me JOIN employee s ON s.supervisor_position_code = me.position_code
             WHERE me.nip = ${atasanNip} AND me.status = 'AKTIF'
               AND NOT EXISTS (SELECT 1 FROM employee o WHERE o.position_code = me.position_code AND o.status = 'AKTIF' AND o.nip < me.nip))`;
  }

  async employee(db: Queryable, nip: string): Promise<ReadModelEmployee | null> {
    const [row] = (await db.query(
      `SELECT e.nip, e.name, e.unit_code, e.unit_path, e.position_code, e.status, to_char(e.tmt_cpns, 'YYYY-MM-DD') AS tmt_cpns, e.kelas_jabatan,
              ${SiapScope.atasanOf('e')} AS atasan_nip
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
