import type { AttendanceLocation } from '../domain/geofence';

/** The statements of the check-in path (CheckInService): one read of a batch's context, one write of its check-ins, selfies and events. */

export interface CheckInContext {
  nip: string;
  day: string;
  status: string;
  unit_code: string;
  unit_path: string[];
  locations: (AttendanceLocation & { unit: string | null; wifi: string[] })[];
  exemption: 'DINAS_LUAR' | 'WFH' | null;
}

/** Everything a check-in is decided on, for a whole batch in one round trip: each employee, their locations, and whether field duty or WFH frees them on the day it counts for. */
export const CONTEXT_SQL = `
  SELECT DISTINCT ON (e.nip, q.day) e.nip, to_char(q.day, 'YYYY-MM-DD') AS day, e.status, e.unit_code, e.unit_path,
    COALESCE((SELECT json_agg(json_build_object('unit', l.unit_code, 'name', l.name, 'latitude', l.latitude, 'longitude', l.longitude,
                                                'radiusMeters', l.radius_meters, 'wifi', l.wifi_bssids))
              FROM location l WHERE l.nip = e.nip OR l.unit_code = ANY(e.unit_path)), '[]'::json) AS locations,
    (SELECT r.type FROM attendance_request r WHERE r.nip = e.nip AND r.status = 'APPROVED' AND r.type IN ('DINAS_LUAR', 'WFH')
       AND r.start_date <= q.day AND r.end_date >= q.day LIMIT 1) AS exemption
  FROM unnest($1::text[], $2::date[]) AS q(nip, day) JOIN employee e ON e.nip = q.nip`;

/** The accepted check-ins of a batch, their selfies and their events, written by one statement. */
export const ROW_COLUMNS: [string, string][] = [
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
  ['received_at', 'timestamptz'],
  ['captured_at', 'timestamptz'],
  ['device_time', 'bool'],
  ['client_id', 'uuid'],
];
const ROWS = `unnest(${ROW_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS r(${ROW_COLUMNS.map(([name]) => name).join(', ')})`;
export const STORE_PREFIX = `
  WITH r AS (SELECT * FROM ${ROWS}),
  f AS (INSERT INTO stored_file (id, nip, purpose, content_type, size_bytes, storage_key, sha256)
        SELECT photo_id, nip, 'SELFIE', photo_type, photo_size, photo_key, photo_key FROM r WHERE photo_id IS NOT NULL),
  c AS (INSERT INTO check_in (id, nip, type, at, work_date, local_minute, unit_code, source, latitude, longitude, accuracy_meters, location_name, distance_meters,
                               device_id, photo_id, received_at, captured_at, device_time, client_id)
        SELECT id, nip, type, at, work_date, local_minute, unit_code, 'MOBILE', latitude, longitude, accuracy_meters, location_name, distance_meters,
               device_id, photo_id, received_at, captured_at, device_time, client_id FROM r
        ON CONFLICT DO NOTHING RETURNING id)`;
