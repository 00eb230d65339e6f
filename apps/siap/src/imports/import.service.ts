import { assertValidEvent, ContractViolation, EmployeeEvents } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { notFound, SERVICE_LOGGER, textProblem, toFieldProblems, type FieldProblem, uuidParam, printable } from '@app/service-kit';
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
/** Row errors kept on the job for reading; `failed` still counts them all. A file of 36,000 bad rows must not make a 17 MB answer. */
export const MAX_STORED_ROW_ERRORS = 1000;

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
        const message = 'Impor berhenti karena kesalahan pada server; baris yang sudah tersimpan tetap tersimpan. Hubungi admin sistem.';
        await this.dataSource.getRepository(ImportJobEntity).update(job.id, { status: 'FAILED', message, finishedAt: new Date() });
      });
    });
    return job;
  }

  async get(id: string): Promise<ImportJobEntity> {
    uuidParam(id, `Impor ${id}`);
    const job = await this.dataSource.getRepository(ImportJobEntity).findOneBy({ id });
    if (!job) throw notFound(`Impor ${id}`);
    return job;
  }

  private async run(jobId: string, rows: SiasnRow[]): Promise<void> {
    await this.dataSource.getRepository(ImportJobEntity).update(jobId, { status: 'RUNNING' });
    const org = await this.loadOrganisation();
    const firstLineOfNip = new Map<string, number>();
    let storedErrors = 0;
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      storedErrors += await this.dataSource.transaction((m) => this.importBatch(m, jobId, batch, org, firstLineOfNip, MAX_STORED_ROW_ERRORS - storedErrors));
    }
    await this.dataSource.getRepository(ImportJobEntity).update(jobId, { status: 'DONE', finishedAt: new Date() });
  }

  /** Stores a batch's good rows; returns how many row errors it kept on the job (at most `errorRoom`). */
  private async importBatch(m: EntityManager, jobId: string, rows: SiasnRow[], org: Organisation, firstLineOfNip: Map<string, number>, errorRoom: number): Promise<number> {
    const errors: RowError[] = [];
    const candidates: { row: SiasnRow; dto: RegisterEmployeeDto }[] = [];
    for (const row of rows) {
      const plain = toRegistration(row);
      const problems = this.rowProblems(plain, org);
      const earlier = firstLineOfNip.get(plain.nip ?? '');
      if (problems.length === 0 && earlier !== undefined) problems.push({ field: 'NIP BARU', message: `NIP ganda dalam berkas (sudah ada di baris ${earlier})` });
      if (problems.length > 0) {
        errors.push({ line: row.line, nip: printable(plain.nip ?? '', 20), problems });
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
          return { key: dto.nip, data: { employee: registrationState(dto, org) } };
        }),
      );
    }
    const kept = errors.slice(0, Math.max(0, errorRoom));
    await m.query(
      `UPDATE import_job SET processed_rows = processed_rows + $2, imported = imported + $3, unchanged = unchanged + $4,
         failed = failed + $5, errors = errors || $6::jsonb WHERE id = $1`,
      [jobId, rows.length, stored.length, candidates.length - stored.length, errors.length, JSON.stringify(kept)],
    );
    return kept.length;
  }

  /**
   * Cell text, format checks (the same DTO as a single registration), the registration rules, then the
   * event contract the row's event must meet, named by CSV column: a row that fails any of them is that
   * row's error and never fails its batch.
   */
  private rowProblems(plain: Record<string, string | null>, org: Organisation): FieldProblem[] {
    const textProblems = Object.entries(plain).flatMap(([field, value]) => {
      const problem = value === null ? null : textProblem(value, false);
      return problem ? [{ field, message: problem }] : [];
    });
    const dto = plainToInstance(RegisterEmployeeDto, plain);
    const formatErrors = textProblems.length ? [] : validateSync(dto, { stopAtFirstError: true });
    let problems = textProblems.length ? textProblems : formatErrors.length ? toFieldProblems(formatErrors) : registrationProblems(dto, { hasUnit: (code) => org.units.has(code), positionUnit: (code) => org.positions.get(code)?.unitCode });
    if (problems.length === 0) problems = contractProblems(EmployeeEvents.registered.type, { employee: registrationState(dto, org) });
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

function registrationState(dto: RegisterEmployeeDto, org: Organisation) {
  const entity = Object.assign(new EmployeeEntity(), { ...dto, email: dto.email ?? null, phone: dto.phone ?? null, status: 'AKTIF', version: 1 });
  return buildEmployeeState(entity, org.positions.get(dto.positionCode)!, org.paths.get(dto.unitCode)!);
}

/** The fields of a row's event that break its contract, as row problems (the DTO should have caught them). */
function contractProblems(type: string, data: unknown): FieldProblem[] {
  try {
    assertValidEvent(type, data);
    return [];
  } catch (error) {
    if (!(error instanceof ContractViolation)) throw error;
    return error.fields.map((f) => ({ field: f.path.split('/').filter(Boolean).at(-1) ?? 'row', message: 'tidak memenuhi kontrak data' }));
  }
}
