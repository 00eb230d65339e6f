import { randomUUID } from 'node:crypto';
import { AttendanceEvents, type CheckInEventData } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { ApiError, preparedQuery, requestContext, SERVICE_CONFIG } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { hhmm, LocalClock, type LocalMoment } from '../common/local-clock';
import { StoredFiles } from '../files/stored-files';
import { decodeUpload, type Upload } from '../files/uploads';
import { checkGeofence, type AttendanceLocation, type GeofenceVerdict } from '../domain/geofence';
import type { KmobConfig } from '../kmob.config';
import type { CheckInDto } from './check-in.dto';

interface CheckInContext {
  nip: string;
  status: string;
  unit_code: string;
  unit_path: string[];
  locations: (AttendanceLocation & { unit: string | null; wifi: string[] })[];
  exemption: 'DINAS_LUAR' | 'WFH' | null;
}

export type CheckInResult = CheckInEventData & { localTime: string; photoId: string | null; exemption: string | null };

interface Accepted {
  pending: Pending;
  result: CheckInResult;
}

interface Pending {
  nip: string;
  dto: CheckInDto;
  photo: Upload | null;
  now: Date;
  local: LocalMoment;
  traceparent?: string;
  resolve(result: CheckInResult): void;
  reject(error: Error): void;
}

/** Everything a check-in is decided on, for a whole batch in one round trip: each employee, their locations, and whether field duty or WFH frees them that day. */
const CONTEXT_SQL = `
  SELECT DISTINCT ON (e.nip) e.nip, e.status, e.unit_code, e.unit_path,
    COALESCE((SELECT json_agg(json_build_object('unit', l.unit_code, 'name', l.name, 'latitude', l.latitude, 'longitude', l.longitude,
                                                'radiusMeters', l.radius_meters, 'wifi', l.wifi_bssids))
              FROM location l WHERE l.nip = e.nip OR l.unit_code = ANY(e.unit_path)), '[]'::json) AS locations,
    (SELECT r.type FROM attendance_request r WHERE r.nip = e.nip AND r.status = 'APPROVED' AND r.type IN ('DINAS_LUAR', 'WFH')
       AND r.start_date <= q.day AND r.end_date >= q.day LIMIT 1) AS exemption
  FROM unnest($1::text[], $2::date[]) AS q(nip, day) JOIN employee e ON e.nip = q.nip`;

/** The accepted check-ins of a batch, their selfies and their events, written by one statement. */
const ROW_COLUMNS: [string, string][] = [
  ['id', 'uuid'],
  ['nip', 'text'],
  ['type', 'text'],
  ['at', 'timestamptz'],
  ['work_date', 'date'],
  ['local_minute', 'int'],
  ['unit_code', 'text'],
  ['latitude', 'float8'],
  ['longitude', 'float8'],
  ['accuracy_meters', 'float8'],
  ['location_name', 'text'],
  ['distance_meters', 'int'],
  ['device_id', 'text'],
  ['photo_id', 'uuid'],
  ['photo_type', 'text'],
  ['photo_size', 'int'],
  ['photo_key', 'text'],
];
const ROWS = `unnest(${ROW_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS r(${ROW_COLUMNS.map(([name]) => name).join(', ')})`;
const STORE_PREFIX = `
  WITH r AS (SELECT * FROM ${ROWS}),
  f AS (INSERT INTO stored_file (id, nip, purpose, content_type, size_bytes, storage_key, sha256)
        SELECT photo_id, nip, 'SELFIE', photo_type, photo_size, photo_key, photo_key FROM r WHERE photo_id IS NOT NULL),
  c AS (INSERT INTO check_in (id, nip, type, at, work_date, local_minute, unit_code, source, latitude, longitude, accuracy_meters, location_name, distance_meters, device_id, photo_id)
        SELECT id, nip, type, at, work_date, local_minute, unit_code, 'MOBILE', latitude, longitude, accuracy_meters, location_name, distance_meters, device_id, photo_id FROM r
        ON CONFLICT (nip, type, at) DO NOTHING RETURNING id)`;

/** Check-ins decided and written together at most; more wait for the next batch. */
const MAX_BATCH = 100;

const REFUSALS: Record<string, string> = {
  MOCKED_LOCATION: 'Lokasi palsu (fake GPS) terdeteksi; matikan aplikasi lokasi palsu lalu coba lagi',
  NO_LOCATION: 'Unit Anda belum memiliki lokasi kantor untuk presensi; hubungi operator OPD',
};

/**
 * Check-in and check-out from the phone. Server time decides the day and minute. The fix must fall in
 * a geofence of the employee's own locations or the nearest unit above them that has some, unless
 * approved field duty or WFH covers today; a mocked fix never counts.
 *
 * Check-ins arriving together are decided and stored together: one query reads the context of the
 * batch and one statement writes the check-ins, their selfies and their events. At the morning rush
 * this turns thousands of small transactions into a few hundred (bench:kmob), while a lone check-in
 * waits only for the current turn of the event loop.
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
    @Inject(SERVICE_CONFIG) private readonly config: KmobConfig,
  ) {}

  checkIn(nip: string, dto: CheckInDto): Promise<CheckInResult> {
    const now = new Date();
    const photo = dto.photo ? decodeUpload(dto.photo, 'photo', ['image/jpeg', 'image/png'], this.config.UPLOAD_MAX_BYTES) : null;
    const traceparent = requestContext.getStore()?.traceparent;
    return new Promise((resolve, reject) => {
      this.queue.push({ nip, dto, photo, now, local: this.clock.at(now), traceparent, resolve, reject });
      if (this.queue.length >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    this.store(batch).catch((error: Error) => batch.forEach((p) => p.reject(error)));
  }

  private async store(batch: Pending[]): Promise<void> {
    const contexts = await preparedQuery<CheckInContext>(this.dataSource, 'kmob_check_in_contexts', CONTEXT_SQL, [
      batch.map((p) => p.nip),
      batch.map((p) => p.local.date),
    ]);
    const contextOf = new Map(contexts.map((c) => [c.nip, c]));
    const accepted: Accepted[] = [];
    for (const pending of batch) {
      const ctx = contextOf.get(pending.nip);
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
    if (accepted.length > 0) await this.write(accepted);
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
    // The same check-in twice in one millisecond (a double tap) is stored and announced once.
    for (const { pending, result } of accepted) {
      if (stored.has(result.id)) pending.resolve(result);
      else pending.reject(new ApiError(409, 'Presensi yang sama baru saja tercatat'));
    }
  }

  private async insert(accepted: Accepted[]): Promise<Set<string>> {
    // Selfies go to the file storage first (content-addressed: a retry stores nothing twice); the row keeps the key.
    const photos = await this.files.put(accepted.map(({ pending }) => pending.photo));
    const rows = ROW_COLUMNS.map((): unknown[] => []);
    accepted.forEach(({ pending: p, result }, i) => {
      const values = [
        result.id,
        p.nip,
        p.dto.type,
        p.now,
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
      ];
      values.forEach((value, c) => rows[c].push(value));
    });
    const events = this.outbox.prepareColumns(
      AttendanceEvents.checkedIn,
      accepted.map(({ pending, result }) => ({ key: pending.nip, data: toEventData(result), traceparent: pending.traceparent })),
      ROW_COLUMNS.length + 1,
    );
    const sql = `${STORE_PREFIX} ${events.sql} WHERE (v.data->>'id')::uuid IN (SELECT id FROM c) RETURNING data->>'id' AS id`;
    return new Set((await preparedQuery<{ id: string }>(this.dataSource, 'kmob_check_in_store', sql, [...rows, ...events.params])).map((r) => r.id));
  }

  private result(p: Pending, ctx: CheckInContext, verdict: Extract<GeofenceVerdict, { allowed: true }>): CheckInResult {
    return {
      id: randomUUID(),
      nip: p.nip,
      type: p.dto.type,
      at: p.now.toISOString(),
      workDate: p.local.date,
      unitCode: ctx.unit_code,
      source: 'MOBILE',
      locationName: verdict.location,
      distanceMeters: verdict.distanceMeters,
      localTime: hhmm(p.local.minute),
      photoId: p.photo ? randomUUID() : null,
      exemption: ctx.exemption,
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

  async list(nip: string, month: string) {
    return this.dataSource.query(
      `SELECT id, type, at, to_char(work_date, 'YYYY-MM-DD') AS "workDate", unit_code AS "unitCode", source, location_name AS "locationName",
              distance_meters AS "distanceMeters", accuracy_meters AS "accuracyMeters", device_id AS "deviceId", photo_id AS "photoId"
       FROM check_in WHERE nip = $1 AND work_date BETWEEN $2::date AND ($2::date + interval '1 month' - interval '1 day')::date ORDER BY at`,
      [nip, `${month}-01`],
    );
  }
}

function toEventData({ id, nip, type, at, workDate, unitCode, source, locationName, distanceMeters }: CheckInResult): CheckInEventData {
  return { id, nip, type, at, workDate, unitCode, source, locationName, distanceMeters };
}
