import type { CheckInEventData } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { hhmm } from '../common/local-clock';

/** A check-in as K-Mob answers it: what the event says, plus the local time, selfie, exemption and how it was timed. */
export type CheckInResult = Required<CheckInEventData> & {
  localTime: string;
  photoId: string | null;
  /** The approved field duty or WFH that lifted the geofence, if any. */
  exemption: string | null;
  /** The phone's own time as it sent it, for a check-in made without signal. */
  capturedAt: string | null;
  clientId: string | null;
};

/** One row of an employee's check-ins (GET /check-ins). */
export interface CheckInRecord {
  id: string;
  type: 'IN' | 'OUT';
  at: string;
  workDate: string;
  localTime: string;
  unitCode: string;
  source: string;
  locationName: string | null;
  distanceMeters: number | null;
  accuracyMeters: number | null;
  deviceId: string | null;
  photoId: string | null;
  /** True when `at` is the phone's time (made without signal, sent later). */
  deviceTime: boolean;
  /** When the server received it (for rows from before this was kept, `at`). */
  receivedAt: string;
  capturedAt: string | null;
}

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const RECORD_COLUMNS = `c.id, c.type, ${ISO('c.at')} AS at, to_char(c.work_date, 'YYYY-MM-DD') AS "workDate", c.local_minute, c.unit_code AS "unitCode",
  c.source, c.location_name AS "locationName", c.distance_meters AS "distanceMeters", c.accuracy_meters AS "accuracyMeters", c.device_id AS "deviceId",
  c.photo_id AS "photoId", c.device_time AS "deviceTime", ${ISO('COALESCE(c.received_at, c.at)')} AS "receivedAt",
  CASE WHEN c.captured_at IS NULL THEN NULL ELSE ${ISO('c.captured_at')} END AS "capturedAt"`;

type Row = Omit<CheckInRecord, 'localTime'> & { local_minute: number };

const record = ({ local_minute, ...row }: Row): CheckInRecord => ({ ...row, localTime: hhmm(local_minute) });

/** Reading stored check-ins: an employee's month, and the ones phones named (clientId) when they send them again. */
@Injectable()
export class CheckInRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(nip: string, month: string): Promise<CheckInRecord[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS} FROM check_in c
       WHERE c.nip = $1 AND c.work_date BETWEEN $2::date AND ($2::date + interval '1 month' - interval '1 day')::date ORDER BY c.at`,
      [nip, `${month}-01`],
    )) as Row[];
    return rows.map(record);
  }

  /** The check-ins already stored under these (NIP, clientId) pairs, keyed `nip|clientId`. */
  async byClientId(keys: { nip: string; clientId: string }[]): Promise<Map<string, CheckInResult>> {
    if (keys.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT ${RECORD_COLUMNS}, c.nip, c.client_id AS "clientId",
              (SELECT r.type FROM attendance_request r WHERE r.nip = c.nip AND r.status = 'APPROVED' AND r.type IN ('DINAS_LUAR', 'WFH')
                 AND r.start_date <= c.work_date AND r.end_date >= c.work_date AND c.location_name IS NULL LIMIT 1) AS exemption
       FROM unnest($1::text[], $2::uuid[]) AS q(nip, client_id) JOIN check_in c ON c.nip = q.nip AND c.client_id = q.client_id`,
      [keys.map((k) => k.nip), keys.map((k) => k.clientId)],
    )) as (Row & { nip: string; clientId: string; exemption: string | null })[];
    return new Map(
      rows.map((row) => {
        const r = record(row);
        const result: CheckInResult = {
          id: r.id,
          nip: row.nip,
          type: r.type,
          at: r.at,
          workDate: r.workDate,
          unitCode: r.unitCode,
          source: r.source as CheckInResult['source'],
          locationName: r.locationName,
          distanceMeters: r.distanceMeters,
          deviceTime: r.deviceTime,
          receivedAt: r.receivedAt,
          localTime: r.localTime,
          photoId: r.photoId,
          exemption: row.exemption,
          capturedAt: r.capturedAt,
          clientId: row.clientId,
        };
        return [`${row.nip}|${row.clientId}`, result];
      }),
    );
  }
}
