import { defineEvent, type JsonSchema, type SchemaData } from '../event-definition';
import { ISO_DATE } from './siap-common.schema';

export const KMOB_CALENDAR_TOPIC = 'kmob.calendar.v1';

export const HOLIDAY_KINDS = ['LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_DAERAH'] as const;

const HOLIDAY_SET_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['date', 'kind', 'name', 'source'],
  properties: {
    date: ISO_DATE,
    kind: { enum: HOLIDAY_KINDS },
    name: { type: 'string', minLength: 1 },
    source: { type: 'string', description: 'The decree that sets the day off, or the BKD admin who entered it.' },
  },
} as const satisfies JsonSchema;

const HOLIDAY_REMOVED_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['date'],
  properties: { date: ISO_DATE },
} as const satisfies JsonSchema;

export type HolidaySetEventData = SchemaData<typeof HOLIDAY_SET_SCHEMA>;
export type HolidayRemovedEventData = SchemaData<typeof HOLIDAY_REMOVED_SCHEMA>;

/** K-Mob owns the province's holiday calendar; other services keep a copy that follows these events. */
export const CalendarEvents = {
  holidaySet: defineEvent({
    type: 'kmob.calendar.holiday-set',
    topic: KMOB_CALENDAR_TOPIC,
    summary: 'A day off for everyone (national holiday, cuti bersama or regional holiday) was added or changed; the latest event for a date wins.',
    key: 'the date (YYYY-MM-DD)',
    schema: HOLIDAY_SET_SCHEMA,
  }),
  holidayRemoved: defineEvent({
    type: 'kmob.calendar.holiday-removed',
    topic: KMOB_CALENDAR_TOPIC,
    summary: 'A date is no longer a holiday: a working day again wherever its schedule has working hours.',
    key: 'the date (YYYY-MM-DD)',
    schema: HOLIDAY_REMOVED_SCHEMA,
  }),
} as const;
