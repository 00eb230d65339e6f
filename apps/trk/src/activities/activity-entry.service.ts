import { randomUUID } from 'node:crypto';
import { ActivityEvents } from '@app/contracts';
import type { Identity } from '@app/auth';
import { OutboxPublisher } from '@app/messaging';
import { ApiError, invalid, SERVICE_CONFIG, type FieldProblem } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BackdatingWindowStore } from '../backdating/backdating-window.store';
import { LocalClock } from '../common/clock';
import { TrkAccess } from '../common/trk-access';
import { minutesRefusal } from '../domain/entry-minutes';
import { entryRefusal } from '../domain/entry-window';
import { decodeEvidence } from '../files/evidence-upload';
import { StoredFiles } from '../files/stored-files';
import { ScoreCorrections } from '../months/score-corrections';
import { RuleStore } from '../rules/rule-store';
import { TargetService } from '../targets/target.service';
import type { TrkConfig } from '../trk.config';
import type { RecordActivityDto } from './activity.dto';
import type { ActivityResponse } from './activity.responses';
import { ActivityStore, type CatalogueFacts } from './activity.store';

/** SIAP's position types: a catalogue type outside these (GURU) names a family of positions SIAP does not tell apart. */
const SIAP_POSITION_TYPES = ['STRUKTURAL', 'FUNGSIONAL', 'PELAKSANA'];

/** A refusal by the rules (the date, the minutes): 422 naming the field, with the reason as the message. */
const refuse = (problem: FieldProblem) => new ApiError(422, `Kegiatan ditolak: ${problem.message}`, [problem]);

/**
 * Daily entries. Server time in WITA decides: the employee enters the activities of the current
 * working day before the cut-off, or past dates inside a back-dating window BKD opened for their unit.
 * The minutes are held to the catalogue's standard and the day's working minutes; the entry and its
 * event are written in one transaction.
 */
@Injectable()
export class ActivityEntryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ActivityStore,
    private readonly access: TrkAccess,
    private readonly rules: RuleStore,
    private readonly windows: BackdatingWindowStore,
    private readonly files: StoredFiles,
    private readonly targets: TargetService,
    private readonly corrections: ScoreCorrections,
    private readonly outbox: OutboxPublisher,
    private readonly clock: LocalClock,
    @Inject(SERVICE_CONFIG) private readonly config: TrkConfig,
  ) {}

  async record(who: Identity, dto: RecordActivityDto): Promise<ActivityResponse> {
    if ((dto.catalogueCode === undefined) === (dto.description === undefined))
      throw invalid(
        dto.catalogueCode ? 'description' : 'catalogueCode',
        'isi salah satu: catalogueCode (kegiatan dari katalog) atau description (uraian kegiatan)',
      );
    const evidence = dto.evidence ? decodeEvidence(dto.evidence, this.config.UPLOAD_MAX_BYTES) : null;
    const employee = await this.access.employee(who.nip);
    if (employee.status !== 'AKTIF') throw refuse({ field: 'date', message: 'hanya pegawai aktif yang dapat mengisi kegiatan' });
    const catalogue = dto.catalogueCode ? await this.catalogueFor(dto.catalogueCode, employee.positionCode) : null;
    if (catalogue?.evidenceRequired && !evidence) throw invalid('evidence', 'wajib dilampirkan untuk kegiatan ini: foto atau dokumen (JPEG, PNG atau PDF)');
    // An agreed target is only ever agreed (AGREED is final), so checking it before the transaction holds.
    const targetRefusal = dto.targetId ? await this.targets.entryRefusal(dto.targetId, who.nip, dto.date, catalogue?.code ?? null) : null;
    if (targetRefusal) throw refuse({ field: 'targetId', message: targetRefusal });

    const unit = await this.store.unitOn(who.nip, dto.date);
    if (!unit) throw refuse({ field: 'date', message: `Anda tidak tercatat dalam masa dinas pada ${dto.date}` });
    const now = this.clock.now();
    const local = this.clock.at(now);
    const day = await this.rules.entryDay(unit.unitPath, dto.date);
    const covering = await this.windows.covering(unit.unitPath, dto.date);
    const facts = {
      date: dto.date,
      today: local.date,
      nowMinute: local.minute,
      cutoffMinute: day.cutoffMinute,
      workingDay: day.workingDay,
      windows: covering,
      now,
    };
    const late = entryRefusal(facts);
    if (late) throw refuse(late);
    // Named on the entry only when it was needed: today's entry before the cut-off needs no window.
    const onTime = entryRefusal({ ...facts, windows: [] }) === null;
    const window = onTime ? null : covering.find((w) => w.opensAt <= now && now < w.closesAt)!;

    return this.dataSource.transaction(async (m) => {
      await this.store.lockDay(m, who.nip, dto.date);
      const refusal = minutesRefusal({
        quantity: dto.quantity,
        minutes: dto.minutes,
        standardMinutes: catalogue?.standardMinutes ?? null,
        dayMinutesSoFar: await this.store.dayMinutes(m, who.nip, dto.date),
        workingMinutes: day.workingMinutes,
      });
      if (refusal) throw refuse(refusal);
      // Stored once the entry is accepted (a refused one leaves no file), under the employee-day's lock only.
      const evidenceId = evidence ? randomUUID() : null;
      if (evidence) await this.files.record(m, evidenceId!, who.nip, evidence.contentType, await this.files.put(evidence));
      const entry = await this.store.insert(m, {
        id: randomUUID(),
        nip: who.nip,
        date: dto.date,
        unitCode: unit.unitCode,
        catalogue,
        description: dto.description?.trim() ?? null,
        quantity: dto.quantity,
        minutes: dto.minutes,
        targetId: dto.targetId?.toLowerCase() ?? null,
        evidenceId,
        backdatingWindowId: window?.id ?? null,
        createdAt: now,
      });
      await this.outbox.publish(m, ActivityEvents.recorded, {
        key: entry.nip,
        data: {
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
        },
      });
      // A back-dated entry in a closed month counts there if the norm rule counts unverified entries.
      await this.corrections.correct(m, [{ nip: entry.nip, month: entry.date.slice(0, 7) }]);
      return entry;
    });
  }

  /**
   * The catalogue activity, if it is open to the employee's position: one of its own, or one of its
   * SIAP type. A family SIAP does not know (GURU) cannot be checked against the position yet and is
   * open to everyone, until SIAP tells positions of a family apart.
   */
  private async catalogueFor(code: string, positionCode: string): Promise<CatalogueFacts> {
    const activity = await this.store.catalogueActivity(code);
    if (!activity) throw refuse({ field: 'catalogueCode', message: `kegiatan ${code} tidak ada di katalog` });
    const open =
      activity.positionCode !== null
        ? activity.positionCode === positionCode
        : !SIAP_POSITION_TYPES.includes(activity.positionType!) || activity.positionType === (await this.store.positionType(positionCode));
    if (!open) throw refuse({ field: 'catalogueCode', message: `kegiatan ${code} bukan kegiatan jabatan Anda` });
    return activity;
  }
}
