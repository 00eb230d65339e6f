import { defineEvent, type JsonSchema, type SchemaData } from '../event-definition';
import { NIP } from './siap-common.schema';

export const TRK_PERFORMANCE_TOPIC = 'trk.performance.v1';

export const NORM_SOURCES = ['KMOB', 'TRK_CALENDAR'] as const;
export type NormSource = (typeof NORM_SOURCES)[number];

const HUNDREDTHS = { type: 'string', pattern: '^(100\\.00|[0-9]{1,2}\\.[0-9]{2})$' } as const satisfies JsonSchema;

const MONTH_SCORE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['nip', 'month', 'version', 'score', 'components', 'approvedMinutes', 'normMinutes', 'normSource', 'kmobVersion'],
  properties: {
    nip: NIP,
    month: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' },
    version: {
      type: 'integer',
      minimum: 1,
      description: '1 at the close; each correction after it (a late verification, a newer K-Mob summary) publishes the next, superseding the earlier ones.',
    },
    score: { ...HUNDREDTHS, description: 'The performance score 0.00–100.00, rounded once, half up. Sim Tunjangan uses score ÷ 100.' },
    components: {
      type: 'array',
      description: 'The components that counted, whose points add up to the score exactly; one that did not apply, or weighs 0, is left out.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'label', 'achievement', 'weight', 'points', 'detail'],
        properties: {
          code: { enum: ['ACTIVITY', 'TARGET', 'SUBORDINATES'] },
          label: { type: 'string' },
          achievement: { ...HUNDREDTHS, description: 'Percent achieved, capped at 100.00.' },
          weight: { ...HUNDREDTHS, description: 'Percent of the score it carried, after the weights of components left out were redistributed.' },
          points: { ...HUNDREDTHS, description: 'Its share of the score.' },
          detail: { type: 'string', description: 'What it was measured on, in Bahasa Indonesia.' },
        },
      },
    },
    approvedMinutes: {
      type: 'integer',
      minimum: 0,
      description: "Minutes that counted: approved entries' minutes, reduced entries' reduced minutes, and unverified ones only if the norm rule counts them.",
    },
    normMinutes: { type: 'integer', minimum: 0, description: "The month's norm for this employee, prorated by working days less leave." },
    normSource: {
      enum: NORM_SOURCES,
      description:
        "Where the working days and leave days came from: K-Mob's closed month (KMOB) or, before K-Mob closed it, TRK's own work calendar less the working days of K-Mob's approved requests whose day status the norm rule lists, e.g. leave and sick (TRK_CALENDAR).",
    },
    kmobVersion: { type: ['integer', 'null'], minimum: 1, description: 'The kmob.discipline summary version used; null for TRK_CALENDAR.' },
  },
} as const satisfies JsonSchema;

export type MonthScoreEventData = SchemaData<typeof MONTH_SCORE_SCHEMA>;

export const PerformanceEvents = {
  monthClosed: defineEvent({
    type: 'trk.performance.month-closed',
    topic: TRK_PERFORMANCE_TOPIC,
    summary: "An employee's monthly TRK performance score, frozen when BKD closed the month (version 1).",
    key: 'the employee NIP',
    schema: MONTH_SCORE_SCHEMA,
  }),
  monthCorrected: defineEvent({
    type: 'trk.performance.month-corrected',
    topic: TRK_PERFORMANCE_TOPIC,
    summary: 'A closed month changed (an entry verified late, a newer K-Mob summary): the next version of the score, superseding the earlier ones.',
    key: 'the employee NIP',
    schema: MONTH_SCORE_SCHEMA,
  }),
} as const;
