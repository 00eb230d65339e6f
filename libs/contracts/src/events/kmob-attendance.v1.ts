import { defineEvent, type JsonSchema, type SchemaData } from '../event-definition';
import { ISO_DATE, NIP } from './siap-common.schema';

export const KMOB_ATTENDANCE_TOPIC = 'kmob.attendance.v1';

export const REQUEST_TYPES = [
  'DINAS_LUAR',
  'WFH',
  'IZIN',
  'SAKIT',
  'CUTI_TAHUNAN',
  'CUTI_BESAR',
  'CUTI_SAKIT',
  'CUTI_MELAHIRKAN',
  'CUTI_ALASAN_PENTING',
  'CLTN',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

const CHECK_IN_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'nip', 'type', 'at', 'workDate', 'unitCode', 'source', 'locationName', 'distanceMeters'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    nip: NIP,
    type: { enum: ['IN', 'OUT'] },
    at: {
      type: 'string',
      format: 'date-time',
      description:
        "When the check-in counts: server time (mobile), the phone's time for one made without signal and sent later (deviceTime true), or the machine's timestamp (import); ISO 8601 with offset.",
    },
    workDate: { ...ISO_DATE, description: "The working day it counts for, in the province's local time." },
    unitCode: { type: 'string' },
    source: { enum: ['MOBILE', 'IMPORT'] },
    locationName: { type: ['string', 'null'], description: 'The office location it matched; null for field duty, WFH or a machine log.' },
    distanceMeters: { type: ['number', 'null'] },
    // Added to v1 as optional fields (an additive change; a breaking one gets kmob.attendance.v2): events published before carry neither.
    deviceTime: {
      type: 'boolean',
      description: "Optional, added to v1 later: true when `at` is the phone's time of a check-in made without signal and sent later (mobile only).",
    },
    receivedAt: {
      type: 'string',
      format: 'date-time',
      description: 'Optional, added to v1 later: when the server received the check-in (mobile only); later than `at` for an offline one.',
    },
  },
} as const satisfies JsonSchema;

const REQUEST_APPROVED_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'nip', 'type', 'startDate', 'endDate', 'workingDays', 'approvedBy'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    nip: NIP,
    type: { enum: REQUEST_TYPES },
    startDate: ISO_DATE,
    endDate: ISO_DATE,
    workingDays: { type: 'integer', minimum: 0, description: "Working days the request covers by the employee's calendar (what annual leave is charged)." },
    approvedBy: NIP,
  },
} as const satisfies JsonSchema;

export type CheckInEventData = SchemaData<typeof CHECK_IN_SCHEMA>;
export type CheckInType = CheckInEventData['type'];
export type CheckInSource = CheckInEventData['source'];
export type RequestApprovedEventData = SchemaData<typeof REQUEST_APPROVED_SCHEMA>;

export const AttendanceEvents = {
  checkedIn: defineEvent({
    type: 'kmob.attendance.checked-in',
    topic: KMOB_ATTENDANCE_TOPIC,
    summary: 'A check-in or check-out was recorded, from the mobile app (inside the geofence or on approved field duty/WFH) or from an attendance machine log.',
    key: 'the employee NIP',
    schema: CHECK_IN_SCHEMA,
  }),
  requestApproved: defineEvent({
    type: 'kmob.attendance.request-approved',
    topic: KMOB_ATTENDANCE_TOPIC,
    summary: 'Field duty (dinas luar), WFH, izin, sakit or a leave (cuti) request was approved by the atasan or an operator.',
    key: 'the employee NIP',
    schema: REQUEST_APPROVED_SCHEMA,
  }),
} as const;
