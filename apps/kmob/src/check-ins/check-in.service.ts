import { randomUUID } from 'node:crypto';
import { AttendanceEvents, type CheckInEventData } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { ApiError, preparedQuery, requestContext, SERVICE_CONFIG } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { hhmm, LocalClock, type LocalMoment } from '../common/local-clock';
import { StoredFiles } from '../files/stored-files';
import { decodeUpload, type Upload } from '../files/uploads';
import { checkGeofence, type GeofenceVerdict } from '../domain/geofence';
import type { KmobConfig } from '../kmob.config';
import { MonthCloseService } from '../months/month-close.service';
import type { CheckInDto } from './check-in.dto';
import { CheckInRecords, type CheckInResult } from './check-in-records';
import { CONTEXT_SQL, ROW_COLUMNS, STORE_PREFIX, type CheckInContext } from './check-in.sql';
import { OfflineWindow } from './offline-window';

export type { CheckInResult } from './check-in-records';

/** The check-in, and whether this request stored it (false: the phone sent a check-in already stored under its clientId). */
export interface CheckInOutcome {
  checkIn: CheckInResult;
  created: boolean;
}

interface Accepted {
  pending: Pending;
  result: CheckInResult;
}

interface Pending {
  nip: string;
  dto: CheckInDto;
  photo: Upload | null;
  receivedAt: Date;
  /** When it counts: when it arrived, or the phone's time once the offline window accepts it. */
  at: Date;
  local: LocalMoment;
  deviceTime: boolean;
  traceparent?: string;
  resolve(outcome: CheckInOutcome): void;
  reject(error: Error): void;
}

/** Check-ins decided and written together at most; more wait for the next batch. */
const MAX_BATCH = 100;

const REFUSALS: Record<string, string> = {
  MOCKED_LOCATION: 'Lokasi palsu (fake GPS) terdeteksi; matikan aplikasi lokasi palsu lalu coba lagi',
  NO_LOCATION: 'Unit Anda belum memiliki lokasi kantor untuk presensi; hubungi operator OPD',
};

/**
 * Check-in and check-out from the phone. Server time decides the day and minute, unless the phone made
 * the check-in without signal and sends it later (`capturedAt`): it then counts at the phone's time
 * when the offline window allows it (OfflineWindow). The fix must fall in a geofence of the employee's
 * own locations or the nearest unit above them that has some, unless approved field duty or WFH covers
 * that day; a mocked fix never counts. A check-in the phone names (`clientId`) is stored once: sent
 * again, the stored one is the answer.
 *
 * Check-ins arriving together are decided and stored together: one query reads the context of the
 * batch and one statement writes the check-ins, their selfies and their events. At the morning rush
 * this turns thousands of small transactions into a few hundred (bench:kmob), while a lone check-in
 * waits only for the current turn of the event loop. An offline check-in landing in an earlier month
 * is written in a transaction of its own that also corrects that month if it was closed.
 */
@Injectable()
export class CheckInService {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly clock: LocalClock,
    private readonly files: StoredFiles,
    private readonly records: CheckInRecords,
    private readonly offline: OfflineWindow,
    private readonly months: MonthCloseService,
    @Inject(SERVICE_CONFIG) private readonly config: KmobConfig,
  ) {}

  checkIn(nip: string, dto: CheckInDto): Promise<CheckInOutcome> {
    const receivedAt = new Date();
    const photo = dto.photo ? decodeUpload(dto.photo, 'photo', ['image/jpeg', 'image/png'], this.config.UPLOAD_MAX_BYTES) : null;
    const traceparent = requestContext.getStore()?.traceparent;
    return new Promise((resolve, reject) => {
      const local = this.clock.at(receivedAt);
      this.queue.push({ nip, dto, photo, receivedAt, at: receivedAt, local, deviceTime: false, traceparent, resolve, reject });
      if (this.queue.length >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  list(nip: string, month: string) {
    return this.records.list(nip, month);
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    this.store(batch).catch((error: Error) => batch.forEach((p) => p.reject(error)));
  }

  private async store(batch: Pending[]): Promise<void> {
    const fresh = await this.timed(await this.unrepeated(batch));
    if (fresh.length === 0) return;
    const contexts = await preparedQuery<CheckInContext>(this.dataSource, 'kmob_check_in_contexts', CONTEXT_SQL, [
      fresh.map((p) => p.nip),
      fresh.map((p) => p.local.date),
    ]);
    const contextOf = new Map(contexts.map((c) => [`${c.nip}|${c.day}`, c]));
    const accepted: Accepted[] = [];
    for (const pending of fresh) {
      const ctx = contextOf.get(`${pending.nip}|${pending.local.date}`);
      if (!ctx) pending.reject(new ApiError(404, 'Data kepegawaian Anda belum tersedia di K-Mob; hubungi operator OPD'));
      else if (ctx.status !== 'AKTIF') pending.reject(new ApiError(403, 'Presensi hanya untuk pegawai aktif'));
      else {
        try {
          const verdict = this.verdict(pending.dto, ctx);
          if (!verdict.allowed) pending.reject(this.refusal(verdict));
          else accepted.push({ pending, result: this.result(pending, ctx, verdict) });
        } catch (error) {
          pending.reject(error as Error); // this check-in alone
        }
      }
    }
    const thisMonth = (a: Accepted) => a.result.workDate.slice(0, 7) === this.clock.at(a.pending.receivedAt).date.slice(0, 7);
    for (const one of accepted.filter((a) => !thisMonth(a))) await this.writeInEarlierMonth(one);
    const current = accepted.filter(thisMonth);
    if (current.length > 0) await this.write(current);
  }

  /** Check-ins the phone sent before under the same clientId are answered with the stored one (200) and go no further. */
  private async unrepeated(batch: Pending[]): Promise<Pending[]> {
    const named = batch.filter((p) => p.dto.clientId);
    if (named.length === 0) return batch;
    const stored = await this.records.byClientId(named.map((p) => ({ nip: p.nip, clientId: p.dto.clientId! })));
    return batch.filter((p) => {
      const repeat = p.dto.clientId ? stored.get(`${p.nip}|${p.dto.clientId.toLowerCase()}`) : undefined;
      if (repeat) p.resolve({ checkIn: repeat, created: false });
      return !repeat;
    });
  }

  /** Check-ins sent with the phone's time count at it when the offline window allows; the others are refused (422, capturedAt). */
  private async timed(batch: Pending[]): Promise<Pending[]> {
    if (!batch.some((p) => p.dto.capturedAt)) return batch;
    const versions = await this.offline.versions();
    return batch.filter((p) => {
      if (!p.dto.capturedAt) return true;
      try {
        p.at = this.offline.counted(p.dto.capturedAt, p.receivedAt, versions);
      } catch (error) {
        p.reject(error as Error);
        return false;
      }
      p.local = this.clock.at(p.at);
      p.deviceTime = true;
      return true;
    });
  }

  /**
   * Writes accepted check-ins with one statement. Should that statement fail, each check-in is written
   * again on its own, so one employee's bad row never fails the others' check-ins.
   */
  private async write(accepted: Accepted[]): Promise<void> {
    let stored: Set<string>;
    try {
      stored = await this.insert(accepted);
    } catch (error) {
      if (accepted.length === 1) return accepted[0].pending.reject(error as Error);
      for (const one of accepted) await this.write([one]);
      return;
    }
    await this.settle(accepted, stored);
  }

  /** An offline check-in of an earlier month: stored with its event and that month's correction, together. */
  private async writeInEarlierMonth(one: Accepted): Promise<void> {
    try {
      const stored = await this.dataSource.transaction(async (m) => {
        const ids = await this.insert([one], m);
        if (ids.size > 0) await this.months.correct(m, [{ nip: one.result.nip, date: one.result.workDate }]);
        return ids;
      });
      await this.settle([one], stored);
    } catch (error) {
      one.pending.reject(error as Error);
    }
  }

  /** Stored ones are answered 201; one that collided with the same clientId sent meanwhile gets that one; the rest were a double tap. */
  private async settle(accepted: Accepted[], stored: Set<string>): Promise<void> {
    const missed = accepted.filter((a) => !stored.has(a.result.id) && a.pending.dto.clientId);
    const repeats = await this.records.byClientId(missed.map((a) => ({ nip: a.pending.nip, clientId: a.pending.dto.clientId! })));
    for (const { pending, result } of accepted) {
      const repeat = pending.dto.clientId ? repeats.get(`${pending.nip}|${pending.dto.clientId.toLowerCase()}`) : undefined;
      if (stored.has(result.id)) pending.resolve({ checkIn: result, created: true });
      else if (repeat) pending.resolve({ checkIn: repeat, created: false });
      // The same check-in twice in one millisecond (a double tap) is stored and announced once.
      else pending.reject(new ApiError(409, 'Presensi yang sama baru saja tercatat'));
    }
  }

  private async insert(accepted: Accepted[], m?: EntityManager): Promise<Set<string>> {
    // Selfies go to the file storage first (content-addressed: a retry stores nothing twice); the row keeps the key.
    const photos = await this.files.put(accepted.map(({ pending }) => pending.photo));
    const rows = ROW_COLUMNS.map((): unknown[] => []);
    accepted.forEach(({ pending: p, result }, i) => {
      const values = [
        result.id,
        p.nip,
        p.dto.type,
        p.at,
        result.workDate,
        p.local.minute,
        result.unitCode,
        p.dto.latitude,
        p.dto.longitude,
        p.dto.accuracyMeters,
        result.locationName,
        result.distanceMeters,
        p.dto.deviceId,
        result.photoId,
        p.photo?.contentType ?? null,
        p.photo?.bytes.length ?? null,
        photos[i]?.key ?? null,
        p.receivedAt,
        result.capturedAt,
        p.deviceTime,
        result.clientId,
      ];
      values.forEach((value, c) => rows[c].push(value));
    });
    const events = this.outbox.prepareColumns(
      AttendanceEvents.checkedIn,
      accepted.map(({ pending, result }) => ({ key: pending.nip, data: toEventData(result), traceparent: pending.traceparent })),
      ROW_COLUMNS.length + 1,
    );
    const sql = `${STORE_PREFIX} ${events.sql} WHERE (v.data->>'id')::uuid IN (SELECT id FROM c) RETURNING data->>'id' AS id`;
    const params = [...rows, ...events.params];
    const ids = m
      ? ((await m.query(sql, params)) as { id: string }[])
      : await preparedQuery<{ id: string }>(this.dataSource, 'kmob_check_in_store', sql, params);
    return new Set(ids.map((r) => r.id));
  }

  private result(p: Pending, ctx: CheckInContext, verdict: Extract<GeofenceVerdict, { allowed: true }>): CheckInResult {
    return {
      id: randomUUID(),
      nip: p.nip,
      type: p.dto.type,
      at: p.at.toISOString(),
      workDate: p.local.date,
      unitCode: ctx.unit_code,
      source: 'MOBILE',
      locationName: verdict.location,
      distanceMeters: verdict.distanceMeters,
      deviceTime: p.deviceTime,
      receivedAt: p.receivedAt.toISOString(),
      localTime: hhmm(p.local.minute),
      photoId: p.photo ? randomUUID() : null,
      exemption: ctx.exemption,
      capturedAt: p.dto.capturedAt ? new Date(p.dto.capturedAt).toISOString() : null,
      clientId: p.dto.clientId?.toLowerCase() ?? null,
    };
  }

  private verdict(dto: CheckInDto, ctx: CheckInContext): GeofenceVerdict {
    const own = ctx.locations.filter((l) => l.unit === null);
    const nearestUnit = ctx.unit_path.find((unit) => ctx.locations.some((l) => l.unit === unit));
    const candidates = [...own, ...ctx.locations.filter((l) => l.unit !== null && l.unit === nearestUnit)].map((l) => ({
      ...l,
      wifiBssids: l.wifi.map((b) => b.toLowerCase()),
    }));
    const fix = { latitude: dto.latitude, longitude: dto.longitude, accuracyMeters: dto.accuracyMeters, mocked: dto.mocked };
    const wifi = dto.wifiBssid ? { bssid: dto.wifiBssid, maxCreditMeters: this.config.WIFI_MAX_CREDIT_METERS } : undefined;
    return checkGeofence(fix, candidates, ctx.exemption !== null, wifi);
  }

  private refusal(verdict: Extract<GeofenceVerdict, { allowed: false }>): ApiError {
    const info = { reason: verdict.reason, nearest: verdict.nearest };
    if (verdict.reason !== 'OUTSIDE_GEOFENCE')
      return new ApiError(422, REFUSALS[verdict.reason], [{ field: 'location', message: REFUSALS[verdict.reason] }], info);
    const where = `${verdict.nearest!.distanceMeters} m dari ${verdict.nearest!.name}`;
    return new ApiError(422, `Anda berada di luar area presensi: ${where}`, [{ field: 'location', message: `di luar radius lokasi kantor (${where})` }], info);
  }
}

function toEventData({ id, nip, type, at, workDate, unitCode, source, locationName, distanceMeters, deviceTime, receivedAt }: CheckInResult): CheckInEventData {
  return { id, nip, type, at, workDate, unitCode, source, locationName, distanceMeters, deviceTime, receivedAt };
}
