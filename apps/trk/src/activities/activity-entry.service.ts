import { ActivityEvents } from '@app/contracts';
import type { Identity } from '@app/auth';
import { OutboxPublisher } from '@app/messaging';
import { invalid, preparedQuery, preparedTransaction, requestContext, SERVICE_CONFIG, type PreparedRunner } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LocalClock } from '../common/clock';
import { minutesRefusal } from '../domain/entry-minutes';
import { decodeEvidence, type Upload } from '../files/evidence-upload';
import { StoredFiles } from '../files/stored-files';
import { ScoreCorrections } from '../months/score-corrections';
import { RuleStore } from '../rules/rule-store';
import { TargetService } from '../targets/target.service';
import type { TrkConfig } from '../trk.config';
import type { RecordActivityDto } from './activity.dto';
import type { ActivityResponse } from './activity.responses';
import { ActivityStore } from './activity.store';
import { ENTRY_COLUMNS, ENTRY_CONTEXT_SQL, LOCK_DAYS_SQL, STORE_ENTRIES_PREFIX, STORE_EVENTS_FIRST_PARAM, type EntryContextRow } from './activity-entry.sql';
import { judgeEntry, refuse, type JudgedEntry } from './entry-judgement';

interface Pending {
  nip: string;
  dto: RecordActivityDto;
  evidence: Upload | null;
  traceparent?: string;
  resolve(entry: ActivityResponse): void;
  reject(error: Error): void;
}

interface Accepted extends JudgedEntry {
  pending: Pending;
}

/** Entries judged and written together at most; more wait for the next batch. */
const MAX_BATCH = 100;

const dayKey = (nip: string, date: string) => `${nip}/${date}`;

/**
 * Daily entries. Server time in WITA decides: the employee enters the activities of the current
 * working day before the cut-off, or past dates inside a back-dating window BKD opened for their unit.
 * The minutes are held to the catalogue's standard and the day's working minutes; the entry and its
 * event are written in one transaction.
 *
 * Entries arriving together are judged and written together, as K-Mob's check-ins are: one query reads
 * what each is judged by, and one transaction locks their employee-days and writes them with their
 * evidence rows and events. In the hour before the cut-off this turns 16 statements an entry into a few
 * a batch (bench:trk); a lone entry waits only for the current turn of the event loop. An employee's
 * second entry for the same day waits for the next batch, so a batch never races itself for a day's
 * total. An entry for a month already closed (inside a back-dating window) is written in a transaction
 * of its own that also corrects the month's published score.
 */
@Injectable()
export class ActivityEntryService {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ActivityStore,
    private readonly rules: RuleStore,
    private readonly files: StoredFiles,
    private readonly targets: TargetService,
    private readonly corrections: ScoreCorrections,
    private readonly outbox: OutboxPublisher,
    private readonly clock: LocalClock,
    @Inject(SERVICE_CONFIG) private readonly config: TrkConfig,
  ) {}

  record(who: Identity, dto: RecordActivityDto): Promise<ActivityResponse> {
    if ((dto.catalogueCode === undefined) === (dto.description === undefined))
      throw invalid(
        dto.catalogueCode ? 'description' : 'catalogueCode',
        'isi salah satu: catalogueCode (kegiatan dari katalog) atau description (uraian kegiatan)',
      );
    const evidence = dto.evidence ? decodeEvidence(dto.evidence, this.config.UPLOAD_MAX_BYTES) : null;
    const traceparent = requestContext.getStore()?.traceparent;
    return new Promise((resolve, reject) => {
      this.queue.push({ nip: who.nip, dto, evidence, traceparent, resolve, reject });
      if (this.queue.length >= MAX_BATCH) this.flush();
      else this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch: Pending[] = [];
    const later: Pending[] = [];
    const days = new Set<string>();
    for (const pending of this.queue) {
      const key = dayKey(pending.nip, pending.dto.date);
      if (batch.length < MAX_BATCH && !days.has(key)) {
        days.add(key);
        batch.push(pending);
      } else later.push(pending);
    }
    this.queue = later;
    if (later.length > 0) this.schedule();
    if (batch.length === 0) return;
    this.judgeAndWrite(batch).catch((error: Error) => batch.forEach((p) => p.reject(error)));
  }

  private async judgeAndWrite(batch: Pending[]): Promise<void> {
    // Read side by side, on two connections: the batch waits for one round trip, not two.
    const [contexts, rules] = await Promise.all([
      preparedQuery<EntryContextRow>(this.dataSource, 'trk_entry_contexts', ENTRY_CONTEXT_SQL, [
        batch.map((p) => p.nip),
        batch.map((p) => p.dto.date),
        batch.map((p) => p.dto.catalogueCode ?? null),
      ]),
      this.rules.entryRules(),
    ]);
    const now = this.clock.now();
    const local = this.clock.at(now);
    const judged = await Promise.all(
      batch.map(async (pending, i): Promise<Accepted | null> => {
        try {
          const { nip, dto } = pending;
          const targetRefusal = () => this.targets.entryRefusal(dto.targetId!, nip, dto.date, dto.catalogueCode ?? null);
          return { pending, ...(await judgeEntry({ nip, dto, evidence: pending.evidence, ctx: contexts[i], rules, now, local, targetRefusal })) };
        } catch (error) {
          pending.reject(error as Error); // this entry alone
          return null;
        }
      }),
    );
    const accepted = judged.filter((a): a is Accepted => a !== null);
    const thisMonth = local.date.slice(0, 7);
    for (const one of accepted.filter((a) => a.entry.date.slice(0, 7) < thisMonth)) await this.writeInEarlierMonth(one);
    const current = accepted.filter((a) => a.entry.date.slice(0, 7) >= thisMonth);
    if (current.length > 0) await this.write(current);
  }

  /** Writes entries of this month in one transaction; should it fail, each again on its own, so one bad entry never fails the others. */
  private async write(accepted: Accepted[]): Promise<void> {
    let stored: Set<string>;
    try {
      stored = await preparedTransaction(this.dataSource, (run) => this.insert(run, accepted));
    } catch (error) {
      if (accepted.length === 1) return accepted[0].pending.reject(error as Error);
      for (const one of accepted) await this.write([one]);
      return;
    }
    await this.settle(accepted, stored);
  }

  /** A back-dated entry in an earlier month: stored with its event and, if that month was closed, its correction, together. */
  private async writeInEarlierMonth(one: Accepted): Promise<void> {
    try {
      const stored = await this.dataSource.transaction(async (m) => {
        const ids = await this.insert((_name, text, values) => m.query(text, values), [one]);
        // Counts in a closed month if the norm rule counts unverified entries.
        if (ids.size > 0) await this.corrections.correct(m, [{ nip: one.entry.nip, month: one.entry.date.slice(0, 7) }]);
        return ids;
      });
      await this.settle([one], stored);
    } catch (error) {
      one.pending.reject(error as Error);
    }
  }

  /** Entries that did not fit their day after all (another entry of that day landed first) are refused with what is left. */
  private async settle(accepted: Accepted[], stored: Set<string>): Promise<void> {
    for (const { pending, entry, workingMinutes } of accepted) {
      if (stored.has(entry.id)) {
        pending.resolve(entry);
        continue;
      }
      const dayMinutesSoFar = await this.store.dayMinutes(this.dataSource, entry.nip, entry.date);
      const problem = minutesRefusal({ quantity: entry.quantity, minutes: entry.minutes, standardMinutes: null, dayMinutesSoFar, workingMinutes });
      pending.reject(refuse(problem ?? { field: 'minutes', message: 'jumlah menit hari itu melebihi jam kerja' }));
    }
  }

  /** Locks the entries' employee-days, then writes those that fit with their evidence rows and events; returns the ids written. */
  private async insert(run: PreparedRunner, accepted: Accepted[]): Promise<Set<string>> {
    // Evidence goes to the file storage first (content-addressed: a retry stores nothing twice); the row keeps the key.
    const files = await Promise.all(accepted.map((a) => (a.evidence ? this.files.put(a.evidence) : null)));
    const columns = ENTRY_COLUMNS.map((): unknown[] => []);
    for (const { entry } of accepted) {
      const values = [
        entry.id,
        entry.nip,
        entry.date,
        entry.unitCode,
        entry.catalogueCode,
        entry.catalogueName,
        entry.description,
        entry.quantity,
        entry.minutes,
        entry.standardMinutes,
        entry.targetId,
        entry.evidenceId,
        entry.backdatingWindowId,
        entry.createdAt,
      ];
      values.forEach((value, c) => columns[c].push(value));
    }
    const withFiles = accepted.flatMap((a, i) => (a.entry.evidenceId ? [{ a, file: files[i]! }] : []));
    const fileColumns = [
      withFiles.map(({ a }) => a.entry.evidenceId),
      withFiles.map(({ a }) => a.entry.nip),
      withFiles.map(({ a }) => a.evidence!.contentType),
      withFiles.map(({ file }) => file.size),
      withFiles.map(({ file }) => file.key),
      withFiles.map(({ file }) => file.sha256),
    ];
    const events = this.outbox.prepareColumns(
      ActivityEvents.recorded,
      accepted.map(({ entry, pending }) => ({ key: entry.nip, data: recordedEvent(entry), traceparent: pending.traceparent })),
      STORE_EVENTS_FIRST_PARAM,
    );
    await run('trk_lock_entry_days', LOCK_DAYS_SQL, [accepted.map((a) => dayKey(a.entry.nip, a.entry.date))]);
    const sql = `${STORE_ENTRIES_PREFIX} ${events.sql} WHERE (v.data->>'id')::uuid IN (SELECT id FROM c) RETURNING data->>'id' AS id`;
    const rows = await run<{ id: string }>('trk_store_entries', sql, [...columns, accepted.map((a) => a.workingMinutes), ...fileColumns, ...events.params]);
    return new Set(rows.map((r) => r.id));
  }
}

function recordedEvent(entry: ActivityResponse) {
  return {
    id: entry.id,
    nip: entry.nip,
    date: entry.date,
    unitCode: entry.unitCode,
    catalogueCode: entry.catalogueCode,
    description: entry.description,
    quantity: entry.quantity,
    minutes: entry.minutes,
    standardMinutes: entry.standardMinutes,
    targetId: entry.targetId,
    hasEvidence: entry.evidenceId !== null,
    backdatingWindowId: entry.backdatingWindowId,
    recordedAt: entry.createdAt,
  };
}
