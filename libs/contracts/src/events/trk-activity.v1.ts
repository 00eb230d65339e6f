import { defineEvent, type JsonSchema, type SchemaData } from '../event-definition';
import { ISO_DATE, NIP } from './siap-common.schema';

export const TRK_ACTIVITY_TOPIC = 'trk.activity.v1';

export const ACTIVITY_DECISIONS = ['APPROVED', 'REDUCED', 'REJECTED'] as const;
export type ActivityDecision = (typeof ACTIVITY_DECISIONS)[number];

const RECORDED_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'nip',
    'date',
    'unitCode',
    'catalogueCode',
    'description',
    'quantity',
    'minutes',
    'standardMinutes',
    'targetId',
    'hasEvidence',
    'backdatingWindowId',
    'recordedAt',
  ],
  properties: {
    id: { type: 'string', format: 'uuid' },
    nip: NIP,
    date: { ...ISO_DATE, description: "The working day the activity was done, in the province's local time (WITA)." },
    unitCode: { type: 'string', description: 'The unit the employee belonged to on that day.' },
    catalogueCode: { type: ['string', 'null'], description: 'The catalogue activity it was entered as; null for a free-text activity.' },
    description: { type: ['string', 'null'], description: 'The free-text activity; null when a catalogue activity was named.' },
    quantity: { type: 'integer', minimum: 1, description: 'Outputs produced, in the catalogue activity’s output unit.' },
    minutes: { type: 'integer', minimum: 1, description: 'Minutes claimed, before verification.' },
    standardMinutes: { type: ['integer', 'null'], minimum: 1, description: 'The catalogue’s standard minutes per output in force when entered.' },
    targetId: { type: ['string', 'null'], format: 'uuid', description: 'The IKI target it contributes to, if the employee named one.' },
    hasEvidence: { type: 'boolean', description: 'Whether a photo or document was stored with the entry (the file stays in TRK).' },
    backdatingWindowId: {
      type: ['string', 'null'],
      format: 'uuid',
      description: 'The back-dating window (opened by a BKD admin) that allowed a late entry; null for a same-day entry before the cut-off.',
    },
    recordedAt: { type: 'string', format: 'date-time', description: 'Server time the entry was accepted.' },
  },
} as const satisfies JsonSchema;

const VERIFIED_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'nip', 'date', 'decision', 'minutes', 'verifiedMinutes', 'reason', 'verifiedBy', 'verifiedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    nip: NIP,
    date: ISO_DATE,
    decision: { enum: ACTIVITY_DECISIONS },
    minutes: { type: 'integer', minimum: 1, description: 'Minutes the employee claimed.' },
    verifiedMinutes: {
      type: 'integer',
      minimum: 0,
      description: 'Minutes that count towards the monthly norm: all of them (APPROVED), fewer (REDUCED) or none (REJECTED).',
    },
    reason: { type: ['string', 'null'], description: 'Why the minutes were reduced or the entry rejected; null for an approval.' },
    verifiedBy: { ...NIP, description: 'The atasan (or the operator, when the atasan position is vacant) who decided.' },
    verifiedAt: { type: 'string', format: 'date-time' },
  },
} as const satisfies JsonSchema;

export type ActivityRecordedEventData = SchemaData<typeof RECORDED_SCHEMA>;
export type ActivityVerifiedEventData = SchemaData<typeof VERIFIED_SCHEMA>;

export const ActivityEvents = {
  recorded: defineEvent({
    type: 'trk.activity.recorded',
    topic: TRK_ACTIVITY_TOPIC,
    summary: "An employee's daily activity was entered (same working day before the cut-off, or inside a back-dating window) and awaits verification.",
    key: 'the employee NIP',
    schema: RECORDED_SCHEMA,
  }),
  verified: defineEvent({
    type: 'trk.activity.verified',
    topic: TRK_ACTIVITY_TOPIC,
    summary: "An activity entry was approved, reduced or rejected by the employee's atasan (or an operator of the unit when the position is vacant).",
    key: 'the employee NIP',
    schema: VERIFIED_SCHEMA,
  }),
} as const;
