import { randomUUID } from 'node:crypto';
import { AttendanceEvents } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { notFound, SERVICE_LOGGER, type FieldProblem, uuidParam, printable } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { LocalClock } from '../common/local-clock';
import { MonthCloseService } from '../months/month-close.service';
import { checkRow, parseMachineLog, type MachineLogRow, type ParsedLog } from './machine-log-csv';

/** Rows per transaction: the stored logs, their events, any corrections of closed months and the job's progress commit together. */
const BATCH = 1000;
/** Row errors kept on the job for reading; `failed` still counts them all. */
const MAX_STORED_ROW_ERRORS = 1000;

interface RowError {
  line: number;
  nip: string;
  problems: FieldProblem[];
}

const JOB_COLUMNS = `id, status, total_rows AS "totalRows", processed_rows AS "processedRows", imported, unchanged, failed, errors, message,
  created_at AS "createdAt", finished_at AS "finishedAt"`;

/**
 * Attendance-machine logs (fingerprint or face readers in offices without phones in use) imported as
 * check-ins, as a job with per-row errors. A log already imported is left alone, so a file imported
 * twice changes nothing; a log in a closed month corrects that employee's month.
 */
@Injectable()
export class MachineLogImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly clock: LocalClock,
    private readonly months: MonthCloseService,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async start(csv: string) {
    const rows = parseMachineLog(csv);
    const [job] = (await this.dataSource.query(`INSERT INTO import_job (status, total_rows) VALUES ('QUEUED', $1) RETURNING ${JOB_COLUMNS}`, [rows.length])) as { id: string }[];
    setImmediate(() => {
      this.run(job.id, rows).catch(async (error: Error) => {
        this.logger.error({ err: error, jobId: job.id }, 'machine log import failed');
        const message = 'Impor berhenti karena kesalahan pada server; baris yang sudah tersimpan tetap tersimpan. Hubungi admin sistem.';
        await this.dataSource.query(`UPDATE import_job SET status = 'FAILED', message = $2, finished_at = now() WHERE id = $1`, [job.id, message]);
      });
    });
    return job;
  }

  async get(id: string) {
    uuidParam(id, `Impor ${id}`);
    const [job] = (await this.dataSource.query(`SELECT ${JOB_COLUMNS} FROM import_job WHERE id = $1`, [id])) as unknown[];
    if (!job) throw notFound(`Impor ${id}`);
    return job;
  }

  private async run(jobId: string, rows: MachineLogRow[]): Promise<void> {
    await this.dataSource.query(`UPDATE import_job SET status = 'RUNNING' WHERE id = $1`, [jobId]);
    let storedErrors = 0;
    for (let start = 0; start < rows.length; start += BATCH) {
      storedErrors += await this.dataSource.transaction((m) => this.importBatch(m, jobId, rows.slice(start, start + BATCH), MAX_STORED_ROW_ERRORS - storedErrors));
    }
    await this.dataSource.query(`UPDATE import_job SET status = 'DONE', finished_at = now() WHERE id = $1`, [jobId]);
  }

  /** Stores a batch's good rows; returns how many row errors it kept on the job (at most `errorRoom`). */
  private async importBatch(m: EntityManager, jobId: string, rows: MachineLogRow[], errorRoom: number): Promise<number> {
    const errors: RowError[] = [];
    const good: (ParsedLog & { line: number })[] = [];
    const now = new Date();
    for (const row of rows) {
      const checked = checkRow(row, (d, t) => this.clock.instantOf(d, t), now);
      if (Array.isArray(checked)) errors.push({ line: row.line, nip: printable(row.nip, 20), problems: checked });
      else good.push({ ...checked, line: row.line });
    }
    const known = new Set(((await m.query('SELECT nip FROM employee WHERE nip = ANY($1)', [[...new Set(good.map((g) => g.nip))]])) as { nip: string }[]).map((r) => r.nip));
    const logs = good.filter((g) => {
      if (known.has(g.nip)) return true;
      errors.push({ line: g.line, nip: g.nip, problems: [{ field: 'NIP', message: 'tidak dikenal di K-Mob (belum terdaftar di SIAP)' }] });
      return false;
    });
    const local = logs.map((l) => this.clock.at(l.at));
    const inserted = logs.length
      ? ((await m.query(
          `INSERT INTO check_in (id, nip, type, at, work_date, local_minute, unit_code, source)
           SELECT r.id, r.nip, r.type, r.at, r.work_date, r.local_minute,
                  COALESCE((SELECT u.unit_code FROM employee_unit u WHERE u.nip = r.nip AND u.valid_from <= r.work_date ORDER BY u.valid_from DESC LIMIT 1), e.unit_code),
                  'IMPORT'
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::date[], $6::int[]) AS r(id, nip, type, at, work_date, local_minute)
           JOIN employee e ON e.nip = r.nip
           ON CONFLICT (nip, type, at) DO NOTHING
           RETURNING id, nip, type, at, to_char(work_date, 'YYYY-MM-DD') AS work_date, unit_code`,
          [logs.map(() => randomUUID()), logs.map((l) => l.nip), logs.map((l) => l.type), logs.map((l) => l.at), local.map((l) => l.date), local.map((l) => l.minute)],
        )) as { id: string; nip: string; type: 'IN' | 'OUT'; at: Date; work_date: string; unit_code: string }[])
      : [];
    if (inserted.length > 0) {
      await this.outbox.publishMany(
        m,
        AttendanceEvents.checkedIn,
        inserted.map((r) => ({
          key: r.nip,
          data: { id: r.id, nip: r.nip, type: r.type, at: r.at.toISOString(), workDate: r.work_date, unitCode: r.unit_code, source: 'IMPORT' as const, locationName: null, distanceMeters: null },
        })),
      );
      await this.months.correct(m, inserted.map((r) => ({ nip: r.nip, date: r.work_date })));
    }
    const kept = errors.sort((a, b) => a.line - b.line).slice(0, Math.max(0, errorRoom));
    await m.query(
      `UPDATE import_job SET processed_rows = processed_rows + $2, imported = imported + $3, unchanged = unchanged + $4,
         failed = failed + $5, errors = errors || $6::jsonb WHERE id = $1`,
      [jobId, rows.length, inserted.length, logs.length - inserted.length, errors.length, JSON.stringify(kept)],
    );
    return kept.length;
  }
}
