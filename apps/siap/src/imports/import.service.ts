import { EmployeeEvents } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { notFound, SERVICE_LOGGER, toFieldProblems, type FieldProblem } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { RegisterEmployeeDto } from '../employees/employee.dto';
import { buildEmployeeState } from '../employees/employee-state';
import { registrationProblems } from '../employees/registration-rules';
import { EmployeeEntity, EmployeeHistoryEntity, PositionEntity, UnitEntity } from '../persistence/entities';
import { ImportJobEntity, type RowError } from './import-job.entity';
import { COLUMN_OF_FIELD, parseSiasnCsv, toRegistration, type SiasnRow } from './siasn-csv';

/** Rows per transaction: each batch stores its good rows, their history, their events and the job's progress together. */
const BATCH = 500;

interface Organisation {
  units: Map<string, string | null>;
  positions: Map<string, PositionEntity>;
  paths: Map<string, string[]>;
}

/**
 * Bulk registration from SIASN's employee export. Good rows are stored, bad rows are reported with
 * their line and reasons, and a row is never half-written: the employee, its history and its event
 * commit together. A NIP already registered is left as it is, so importing a file twice changes nothing.
 */
@Injectable()
export class ImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async start(csv: string): Promise<ImportJobEntity> {
    const rows = parseSiasnCsv(csv);
    const job = await this.dataSource.getRepository(ImportJobEntity).save({ status: 'QUEUED', totalRows: rows.length, errors: [] });
    setImmediate(() => {
      this.run(job.id, rows).catch(async (error: Error) => {
        this.logger.error({ err: error, jobId: job.id }, 'employee import failed');
        await this.dataSource.getRepository(ImportJobEntity).update(job.id, { status: 'FAILED', message: error.message, finishedAt: new Date() });
      });
    });
    return job;
  }

  async get(id: string): Promise<ImportJobEntity> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(`Impor ${id}`);
    const job = await this.dataSource.getRepository(ImportJobEntity).findOneBy({ id });
    if (!job) throw notFound(`Impor ${id}`);
    return job;
  }

  private async run(jobId: string, rows: SiasnRow[]): Promise<void> {
    await this.dataSource.getRepository(ImportJobEntity).update(jobId, { status: 'RUNNING' });
    const org = await this.loadOrganisation();
    const firstLineOfNip = new Map<string, number>();
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      await this.dataSource.transaction((m) => this.importBatch(m, jobId, batch, org, firstLineOfNip));
    }
    await this.dataSource.getRepository(ImportJobEntity).update(jobId, { status: 'DONE', finishedAt: new Date() });
  }

  private async importBatch(m: EntityManager, jobId: string, rows: SiasnRow[], org: Organisation, firstLineOfNip: Map<string, number>): Promise<void> {
    const errors: RowError[] = [];
    const candidates: { row: SiasnRow; dto: RegisterEmployeeDto }[] = [];
    for (const row of rows) {
      const plain = toRegistration(row);
      const problems = this.rowProblems(plain, org);
      const earlier = firstLineOfNip.get(plain.nip ?? '');
      if (problems.length === 0 && earlier !== undefined) problems.push({ field: 'NIP BARU', message: `NIP ganda dalam berkas (sudah ada di baris ${earlier})` });
      if (problems.length > 0) {
        errors.push({ line: row.line, nip: plain.nip ?? '', problems });
        continue;
      }
      firstLineOfNip.set(plain.nip as string, row.line);
      candidates.push({ row, dto: plainToInstance(RegisterEmployeeDto, plain) });
    }

    const inserted = candidates.length
      ? ((await m
          .createQueryBuilder()
          .insert()
          .into(EmployeeEntity)
          .values(candidates.map(({ dto }) => ({ ...dto, email: dto.email ?? null, phone: dto.phone ?? null, status: 'AKTIF' as const, version: 1 })))
          .orIgnore()
          .returning('*')
          .execute()).raw as Record<string, unknown>[])
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
        stored.map(({ dto }) => {
          const entity = Object.assign(new EmployeeEntity(), { ...dto, email: dto.email ?? null, phone: dto.phone ?? null, status: 'AKTIF', version: 1 });
          return { key: dto.nip, data: { employee: buildEmployeeState(entity, org.positions.get(dto.positionCode)!, org.paths.get(dto.unitCode)!) } };
        }),
      );
    }
    await m.query(
      `UPDATE import_job SET processed_rows = processed_rows + $2, imported = imported + $3, unchanged = unchanged + $4,
         failed = failed + $5, errors = errors || $6::jsonb WHERE id = $1`,
      [jobId, rows.length, stored.length, candidates.length - stored.length, errors.length, JSON.stringify(errors)],
    );
  }

  /** Format checks (the same DTO as a single registration) then the registration rules, named by CSV column. */
  private rowProblems(plain: Record<string, string | null>, org: Organisation): FieldProblem[] {
    const dto = plainToInstance(RegisterEmployeeDto, plain);
    const formatErrors = validateSync(dto, { stopAtFirstError: true });
    const problems = formatErrors.length
      ? toFieldProblems(formatErrors)
      : registrationProblems(dto, { hasUnit: (code) => org.units.has(code), positionUnit: (code) => org.positions.get(code)?.unitCode });
    return problems.map((p) => ({ field: COLUMN_OF_FIELD[p.field] ?? p.field, message: p.message }));
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
