import { randomUUID } from 'node:crypto';
import { AttendanceEvents } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { printable, type JobContext, type JobHandler, type JobRowError } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LocalClock } from '../common/local-clock';
import { MonthCloseService } from '../months/month-close.service';
import { checkRow, parseMachineLog, type MachineLogRow, type ParsedLog } from './machine-log-csv';

/** Rows per step: the stored logs, their events, any corrections of closed months and the job's progress commit together. */
const BATCH = 1000;

export const MACHINE_LOG_IMPORT = 'kmob.machine-log-import';

export interface MachineLogImportInput {
  /** Who imports: their own logs are refused, as nobody records their own attendance by hand. */
  by?: string;
  /** An operator's unit: only logs of employees of this unit and below are imported. */
  withinUnit?: string;
}

/**
 * Attendance-machine logs (fingerprint or face readers in offices without phones in use) imported as
 * check-ins, as a durable job with per-row errors. A log already imported is left alone, so a file
 * imported twice changes nothing; a log in a closed month corrects that employee's month.
 */
@Injectable()
export class MachineLogImportJob implements JobHandler<MachineLogImportInput, { next: number }> {
  readonly kind = MACHINE_LOG_IMPORT;

  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly clock: LocalClock,
    private readonly months: MonthCloseService,
  ) {}

  async run(job: JobContext<MachineLogImportInput, { next: number }>): Promise<void> {
    const rows = parseMachineLog(await job.payload());
    for (let start = job.cursor?.next ?? 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      await job.step(async (m) => {
        const { imported, unchanged, errors } = await this.importBatch(m, batch, job.input);
        return { cursor: { next: start + batch.length }, add: { processed: batch.length, imported, unchanged, failed: errors.length }, errors };
      });
    }
  }

  private async importBatch(m: EntityManager, rows: MachineLogRow[], input: MachineLogImportInput) {
    const errors: JobRowError[] = [];
    const good: (ParsedLog & { line: number })[] = [];
    const now = new Date();
    for (const row of rows) {
      const checked = checkRow(row, (d, t) => this.clock.instantOf(d, t), now);
      if (Array.isArray(checked)) errors.push({ line: row.line, key: printable(row.nip, 20), problems: checked });
      else good.push({ ...checked, line: row.line });
    }
    const unitPaths = new Map(
      (
        (await m.query('SELECT nip, unit_path FROM employee WHERE nip = ANY($1)', [[...new Set(good.map((g) => g.nip))]])) as {
          nip: string;
          unit_path: string[];
        }[]
      ).map((r) => [r.nip, r.unit_path]),
    );
    const logs = good.filter((g) => {
      const refusal = refusalOf(g.nip, unitPaths.get(g.nip), input);
      if (!refusal) return true;
      errors.push({ line: g.line, key: g.nip, problems: [{ field: 'NIP', message: refusal }] });
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
          [
            logs.map(() => randomUUID()),
            logs.map((l) => l.nip),
            logs.map((l) => l.type),
            logs.map((l) => l.at),
            local.map((l) => l.date),
            local.map((l) => l.minute),
          ],
        )) as { id: string; nip: string; type: 'IN' | 'OUT'; at: Date; work_date: string; unit_code: string }[])
      : [];
    if (inserted.length > 0) {
      await this.outbox.publishMany(
        m,
        AttendanceEvents.checkedIn,
        inserted.map((r) => ({
          key: r.nip,
          data: {
            id: r.id,
            nip: r.nip,
            type: r.type,
            at: r.at.toISOString(),
            workDate: r.work_date,
            unitCode: r.unit_code,
            source: 'IMPORT' as const,
            locationName: null,
            distanceMeters: null,
          },
        })),
      );
      await this.months.correct(
        m,
        inserted.map((r) => ({ nip: r.nip, date: r.work_date })),
      );
    }
    return { imported: inserted.length, unchanged: logs.length - inserted.length, errors: errors.sort((a, b) => a.line - b.line) };
  }
}

/** Why a log of this employee may not be imported by this importer, or null when it may. */
function refusalOf(nip: string, unitPath: string[] | undefined, input: MachineLogImportInput): string | null {
  if (!unitPath) return 'tidak dikenal di K-Mob (belum terdaftar di SIAP)';
  if (nip === input.by) return 'kehadiran Anda sendiri diimpor oleh operator atau admin lain';
  if (input.withinUnit && !unitPath.includes(input.withinUnit)) return `di luar unit kerja yang Anda kelola (${input.withinUnit})`;
  return null;
}
