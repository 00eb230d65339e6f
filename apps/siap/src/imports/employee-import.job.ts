import { EmployeeEvents } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import type { JobContext, JobHandler } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { EmployeeEntity, EmployeeHistoryEntity, PositionEntity, UnitEntity } from '../persistence/entities';
import { checkRows, registrationState, type Organisation } from './import-rows';
import { parseSiasnCsv, type SiasnRow } from './siasn-csv';

/** Rows per step: each step stores its good rows, their history, their events and the job's progress together. */
const BATCH = 500;

export const EMPLOYEE_IMPORT = 'siap.employee-import';

/** An operator's import is limited to their unit and the units below it; BKD's is not. */
export interface ImportParams {
  withinUnit?: string;
}

/** Where a resumed import continues: the index of the next row of the file. */
interface Cursor {
  next: number;
}

/**
 * Bulk registration from SIASN's employee export, as a durable job. Good rows are stored, bad rows are
 * reported with their line and reasons, and a row is never half-written: the employee, its history and
 * its event commit together with the job's progress, so an import cut short by a crash continues after
 * its last committed batch and applies every row once. A NIP already registered is left as it is, so
 * importing a file twice changes nothing.
 */
@Injectable()
export class EmployeeImportJob implements JobHandler<ImportParams, Cursor> {
  readonly kind = EMPLOYEE_IMPORT;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

  async run(job: JobContext<ImportParams, Cursor>): Promise<void> {
    const rows = parseSiasnCsv(await job.payload());
    const org = { ...(await this.loadOrganisation()), withinUnit: job.input.withinUnit };
    const from = job.cursor?.next ?? 0;
    // What the rows before the cursor taught about NIPs twice in the file, learnt again without writing.
    const firstLineOfNip = new Map<string, number>();
    if (from > 0) checkRows(rows.slice(0, from), org, firstLineOfNip);
    for (let start = from; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      await job.step(async (m) => {
        const { stored, unchanged, errors } = await this.importBatch(m, batch, org, firstLineOfNip);
        return { cursor: { next: start + batch.length }, add: { processed: batch.length, imported: stored, unchanged, failed: errors.length }, errors };
      });
    }
  }

  private async importBatch(m: EntityManager, rows: SiasnRow[], org: Organisation, firstLineOfNip: Map<string, number>) {
    const { candidates, errors } = checkRows(rows, org, firstLineOfNip);
    const inserted = candidates.length
      ? ((
          await m
            .createQueryBuilder()
            .insert()
            .into(EmployeeEntity)
            .values(candidates.map(({ dto }) => ({ ...dto, email: dto.email ?? null, phone: dto.phone ?? null, status: 'AKTIF' as const, version: 1 })))
            .orIgnore()
            .returning('*')
            .execute()
        ).raw as Record<string, unknown>[])
      : [];
    const insertedNips = new Set(inserted.map((r) => String(r.nip)));
    const stored = candidates.filter(({ dto }) => insertedNips.has(dto.nip));
    if (stored.length > 0) {
      await m.insert(
        EmployeeHistoryEntity,
        stored.flatMap(({ dto }) => [
          { nip: dto.nip, section: 'golongan' as const, skNumber: null, tmt: dto.tmtCpns, details: { golongan: dto.golongan, source: 'SIASN import' } },
          { nip: dto.nip, section: 'jabatan' as const, skNumber: null, tmt: dto.tmtCpns, details: { positionCode: dto.positionCode, source: 'SIASN import' } },
          { nip: dto.nip, section: 'unit' as const, skNumber: null, tmt: dto.tmtCpns, details: { unitCode: dto.unitCode, source: 'SIASN import' } },
        ]),
      );
      await this.outbox.publishMany(
        m,
        EmployeeEvents.registered,
        stored.map(({ dto }) => ({ key: dto.nip, data: { employee: registrationState(dto, org) } })),
      );
    }
    return { stored: stored.length, unchanged: candidates.length - stored.length, errors };
  }

  private async loadOrganisation(): Promise<Organisation> {
    const units = new Map((await this.dataSource.getRepository(UnitEntity).find()).map((u) => [u.code, u.parentCode]));
    const positions = new Map((await this.dataSource.getRepository(PositionEntity).find()).map((p) => [p.code, p]));
    const paths = new Map<string, string[]>();
    for (const code of units.keys()) {
      const path: string[] = [];
      for (let c: string | null | undefined = code; c && path.length < 50; c = units.get(c)) path.push(c);
      paths.set(code, path);
    }
    return { units, positions, paths };
  }
}
