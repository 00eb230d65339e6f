import { randomUUID } from 'node:crypto';
import { AttendanceEvents, type CheckInEventData } from '@app/contracts';
import { OutboxPublisher } from '@app/messaging';
import { ApiError, preparedQuery, SERVICE_CONFIG } from '@app/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { hhmm, LocalClock } from '../common/local-clock';
import { decodeUpload } from '../files/uploads';
import { checkGeofence, type AttendanceLocation, type GeofenceVerdict } from '../domain/geofence';
import type { KmobConfig } from '../kmob.config';
import type { CheckInDto } from './check-in.dto';

interface CheckInContext {
  status: string;
  unit_code: string;
  unit_path: string[];
  locations: (AttendanceLocation & { unit: string | null; wifi: string[] })[];
  exemption: 'DINAS_LUAR' | 'WFH' | null;
}

/** Everything a check-in is decided on, in one round trip: the employee, their locations, and whether field duty or WFH frees them that day. */
const CONTEXT_SQL = `
  SELECT e.status, e.unit_code, e.unit_path,
    COALESCE((SELECT json_agg(json_build_object('unit', l.unit_code, 'name', l.name, 'latitude', l.latitude, 'longitude', l.longitude,
                                                'radiusMeters', l.radius_meters, 'wifi', l.wifi_bssids))
              FROM location l WHERE l.nip = e.nip OR l.unit_code = ANY(e.unit_path)), '[]'::json) AS locations,
    (SELECT r.type FROM attendance_request r WHERE r.nip = e.nip AND r.status = 'APPROVED' AND r.type IN ('DINAS_LUAR', 'WFH')
       AND r.start_date <= $2 AND r.end_date >= $2 LIMIT 1) AS exemption
  FROM employee e WHERE e.nip = $1`;

const CHECK_IN_COLUMNS = 'id, nip, type, at, work_date, local_minute, unit_code, source, latitude, longitude, accuracy_meters, location_name, distance_meters, device_id, photo_id';

const REFUSALS: Record<string, string> = {
  MOCKED_LOCATION: 'Lokasi palsu (fake GPS) terdeteksi; matikan aplikasi lokasi palsu lalu coba lagi',
  NO_LOCATION: 'Unit Anda belum memiliki lokasi kantor untuk presensi; hubungi operator OPD',
};

/**
 * Check-in and check-out from the phone. Server time decides the day and minute. The fix must fall in
 * a geofence of the employee's own locations or the nearest unit above them that has some, unless
 * approved field duty or WFH covers today; a mocked fix never counts. The check-in, its selfie and its
 * event are written by one statement.
 */
@Injectable()
export class CheckInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly clock: LocalClock,
    @Inject(SERVICE_CONFIG) private readonly config: KmobConfig,
  ) {}

  async checkIn(nip: string, dto: CheckInDto) {
    const now = new Date();
    const local = this.clock.at(now);
    const photo = dto.photo ? decodeUpload(dto.photo, 'photo', ['image/jpeg', 'image/png'], this.config.UPLOAD_MAX_BYTES) : null;
    const [ctx] = await preparedQuery<CheckInContext>(this.dataSource, 'kmob_check_in_context', CONTEXT_SQL, [nip, local.date]);
    if (!ctx) throw new ApiError(404, 'Data kepegawaian Anda belum tersedia di K-Mob; hubungi operator OPD');
    if (ctx.status !== 'AKTIF') throw new ApiError(403, 'Presensi hanya untuk pegawai aktif');
    const verdict = this.verdict(dto, ctx);
    if (!verdict.allowed) throw this.refusal(verdict);

    const id = randomUUID();
    const photoId = photo ? randomUUID() : null;
    const data: CheckInEventData = {
      id,
      nip,
      type: dto.type,
      at: now.toISOString(),
      workDate: local.date,
      unitCode: ctx.unit_code,
      source: 'MOBILE',
      locationName: verdict.location,
      distanceMeters: verdict.distanceMeters,
    };
    const row = [id, nip, dto.type, now, local.date, local.minute, ctx.unit_code, 'MOBILE', dto.latitude, dto.longitude, dto.accuracyMeters, verdict.location, verdict.distanceMeters, dto.deviceId, photoId];
    const fileParams = photo ? [photoId, nip, 'SELFIE', photo.contentType, photo.bytes.length, photo.bytes] : [];
    const first = row.length + fileParams.length + 1;
    const event = this.outbox.prepare(AttendanceEvents.checkedIn, [{ key: nip, data }], first);
    const values = row.map((_, i) => `$${i + 1}`).join(', ');
    const file = photo ? `f AS (INSERT INTO stored_file (id, nip, purpose, content_type, size_bytes, bytes) VALUES ($${row.length + 1}, $${row.length + 2}, $${row.length + 3}, $${row.length + 4}, $${row.length + 5}, $${row.length + 6})), ` : '';
    // The check-in's foreign key to its selfie is checked at the end of the statement, after both CTEs.
    // A double tap landing in the same millisecond stores (and announces) one check-in, not a 500.
    const sql = `WITH ${file}c AS (INSERT INTO check_in (${CHECK_IN_COLUMNS}) VALUES (${values}) ON CONFLICT (nip, type, at) DO NOTHING RETURNING 1)
      ${event.sql} WHERE EXISTS (SELECT 1 FROM c) RETURNING 1`;
    const stored = await preparedQuery(this.dataSource, photo ? 'kmob_check_in_photo' : 'kmob_check_in', sql, [...row, ...fileParams, ...event.params]);
    if (stored.length === 0) throw new ApiError(409, 'Presensi yang sama baru saja tercatat');
    return { ...data, localTime: hhmm(local.minute), photoId, exemption: ctx.exemption };
  }

  private verdict(dto: CheckInDto, ctx: CheckInContext): GeofenceVerdict {
    const own = ctx.locations.filter((l) => l.unit === null);
    const nearestUnit = ctx.unit_path.find((unit) => ctx.locations.some((l) => l.unit === unit));
    const candidates = [...own, ...ctx.locations.filter((l) => l.unit !== null && l.unit === nearestUnit)];
    const fix = { latitude: dto.latitude, longitude: dto.longitude, accuracyMeters: dto.accuracyMeters, mocked: dto.mocked };
    const verdict = checkGeofence(fix, candidates, ctx.exemption !== null);
    // The office's own Wi-Fi is as good a proof of presence as GPS (weak GPS indoors is a known complaint).
    if (!verdict.allowed && verdict.reason === 'OUTSIDE_GEOFENCE' && dto.wifiBssid) {
      const wifi = candidates.find((l) => l.wifi.some((b) => b.toLowerCase() === dto.wifiBssid!.toLowerCase()));
      if (wifi) return { allowed: true, location: wifi.name, distanceMeters: verdict.nearest?.distanceMeters ?? null };
    }
    return verdict;
  }

  private refusal(verdict: Extract<GeofenceVerdict, { allowed: false }>): ApiError {
    const info = { reason: verdict.reason, nearest: verdict.nearest };
    if (verdict.reason !== 'OUTSIDE_GEOFENCE') return new ApiError(422, REFUSALS[verdict.reason], [{ field: 'location', message: REFUSALS[verdict.reason] }], info);
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
