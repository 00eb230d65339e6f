import { randomUUID } from 'node:crypto';
import { ApiError, invalid, notFound, type FieldProblem } from '@app/service-kit';
import type { LocalMoment } from '../common/clock';
import { minutesRefusal } from '../domain/entry-minutes';
import { entryRefusal } from '../domain/entry-window';
import type { Upload } from '../files/evidence-upload';
import { entryDayRules, type EntryRuleVersions } from '../rules/rule-store';
import type { RecordActivityDto } from './activity.dto';
import type { ActivityResponse } from './activity.responses';
import type { EntryContextRow } from './activity-entry.sql';

/** SIAP's position types: a catalogue type outside these (GURU) names a family of positions SIAP does not tell apart. */
const SIAP_POSITION_TYPES = ['STRUKTURAL', 'FUNGSIONAL', 'PELAKSANA'];

/** A refusal by the rules (the date, the minutes): 422 naming the field, with the reason as the message. */
export const refuse = (problem: FieldProblem) => new ApiError(422, `Kegiatan ditolak: ${problem.message}`, [problem]);

/** An entry the rules accept, as it will be stored (pending) and the day's working minutes it must fit in. */
export interface JudgedEntry {
  entry: ActivityResponse;
  workingMinutes: number;
  evidence: Upload | null;
}

/**
 * Judges one entry by what the batch's context query read for it, in the order a person would want to
 * hear the reasons: who they are, the activity and its evidence, the target (`targetRefusal`, checked
 * by the caller), the date, then the minutes. The day's total is checked here against the minutes read
 * before the lock, and again by the write under it.
 */
export async function judgeEntry(input: {
  nip: string;
  dto: RecordActivityDto;
  evidence: Upload | null;
  ctx: EntryContextRow;
  rules: EntryRuleVersions;
  now: Date;
  local: LocalMoment;
  targetRefusal: () => Promise<string | null>;
}): Promise<JudgedEntry> {
  const { nip, dto, evidence, ctx, rules, now, local } = input;
  if (ctx.status === null) throw notFound(`Pegawai dengan NIP ${nip}`);
  if (ctx.status !== 'AKTIF') throw refuse({ field: 'date', message: 'hanya pegawai aktif yang dapat mengisi kegiatan' });
  if (dto.catalogueCode !== undefined) catalogueRefusal(dto.catalogueCode, ctx);
  const catalogue = dto.catalogueCode !== undefined ? ctx : null;
  if (catalogue?.evidence_required && !evidence) throw invalid('evidence', 'wajib dilampirkan untuk kegiatan ini: foto atau dokumen (JPEG, PNG atau PDF)');
  const target = dto.targetId ? await input.targetRefusal() : null;
  if (target) throw refuse({ field: 'targetId', message: target });
  if (!ctx.unit_code || !ctx.unit_path) throw refuse({ field: 'date', message: `Anda tidak tercatat dalam masa dinas pada ${dto.date}` });
  const day = entryDayRules(rules, ctx.unit_path, dto.date, ctx.holiday);
  const windows = ctx.windows.map((w) => ({ ...w, opensAt: new Date(w.opensAt), closesAt: new Date(w.closesAt) }));
  const facts = { date: dto.date, today: local.date, nowMinute: local.minute, cutoffMinute: day.cutoffMinute, workingDay: day.workingDay, windows, now };
  const late = entryRefusal(facts);
  if (late) throw refuse(late);
  // Named on the entry only when it was needed: today's entry before the cut-off needs no window.
  const window = entryRefusal({ ...facts, windows: [] }) === null ? null : windows.find((w) => w.opensAt <= now && now < w.closesAt)!;
  const minutes = minutesRefusal({
    quantity: dto.quantity,
    minutes: dto.minutes,
    standardMinutes: catalogue?.standard_minutes ?? null,
    dayMinutesSoFar: ctx.day_minutes,
    workingMinutes: day.workingMinutes,
  });
  if (minutes) throw refuse(minutes);
  const entry: ActivityResponse = {
    id: randomUUID(),
    nip,
    date: dto.date,
    unitCode: ctx.unit_code,
    catalogueCode: catalogue?.code ?? null,
    catalogueName: catalogue?.name ?? null,
    description: dto.description?.trim() ?? null,
    quantity: dto.quantity,
    minutes: dto.minutes,
    standardMinutes: catalogue?.standard_minutes ?? null,
    targetId: dto.targetId?.toLowerCase() ?? null,
    evidenceId: evidence ? randomUUID() : null,
    backdatingWindowId: window?.id ?? null,
    status: 'PENDING',
    verifiedMinutes: null,
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    createdAt: now.toISOString(),
  };
  return { entry, workingMinutes: day.workingMinutes, evidence };
}

/**
 * Whether the catalogue activity is open to the employee's position: one of its own, or one of its
 * SIAP type. A family SIAP does not know (GURU) cannot be checked against the position yet and is open
 * to everyone, until SIAP tells positions of a family apart.
 */
function catalogueRefusal(code: string, ctx: EntryContextRow): void {
  if (ctx.code === null) throw refuse({ field: 'catalogueCode', message: `kegiatan ${code} tidak ada di katalog` });
  const open =
    ctx.catalogue_position_code !== null
      ? ctx.catalogue_position_code === ctx.position_code
      : !SIAP_POSITION_TYPES.includes(ctx.catalogue_position_type!) || ctx.catalogue_position_type === ctx.position_type;
  if (!open) throw refuse({ field: 'catalogueCode', message: `kegiatan ${code} bukan kegiatan jabatan Anda` });
}
