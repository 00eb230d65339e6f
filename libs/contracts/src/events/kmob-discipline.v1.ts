import { defineEvent, type JsonSchema, type SchemaData } from '../event-definition';
import { ISO_DATE, NIP } from './siap-common.schema';

export const KMOB_DISCIPLINE_TOPIC = 'kmob.discipline.v1';

const SUMMARY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['nip', 'month', 'version', 'counts', 'deductionPercent', 'units', 'contributingDays'],
  properties: {
    nip: NIP,
    month: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' },
    version: {
      type: 'integer',
      minimum: 1,
      description: '1 at the first close; each correction after closing publishes the next version, which supersedes the earlier ones.',
    },
    counts: {
      type: 'object',
      additionalProperties: { type: 'integer', minimum: 0 },
      description: 'Days per status code (H, TL1–4, PSW1–4, DL, C, S, I, TK, L).',
    },
    deductionPercent: {
      type: 'number',
      minimum: 0,
      description: "The month's total deduction, capped as the discipline rules say: TPP's discipline part is (100 − this)% of 40%.",
    },
    units: {
      type: 'array',
      description: 'Working days and deductions per unit, for an employee transferred during the month.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['unitCode', 'workingDays', 'deductionPercent'],
        properties: { unitCode: { type: 'string' }, workingDays: { type: 'integer', minimum: 0 }, deductionPercent: { type: 'number', minimum: 0 } },
      },
    },
    contributingDays: {
      type: 'array',
      description: 'The days that carry a deduction, so the figure can be explained line by line.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['date', 'unitCode', 'status', 'minutesLate', 'minutesEarly', 'deductionPercent'],
        properties: {
          date: ISO_DATE,
          unitCode: { type: 'string' },
          status: { type: 'string' },
          minutesLate: { type: 'integer', minimum: 0 },
          minutesEarly: { type: 'integer', minimum: 0 },
          deductionPercent: { type: 'number', minimum: 0 },
        },
      },
    },
  },
} as const satisfies JsonSchema;

export type DisciplineSummaryEventData = SchemaData<typeof SUMMARY_SCHEMA>;
export type DisciplineUnitShare = DisciplineSummaryEventData['units'][number];
export type DisciplineDay = DisciplineSummaryEventData['contributingDays'][number];

export const DisciplineEvents = {
  monthClosed: defineEvent({
    type: 'kmob.discipline.month-closed',
    topic: KMOB_DISCIPLINE_TOPIC,
    summary: "An employee's monthly discipline summary, frozen when BKD closed the month (version 1).",
    key: 'the employee NIP',
    schema: SUMMARY_SCHEMA,
  }),
  monthCorrected: defineEvent({
    type: 'kmob.discipline.month-corrected',
    topic: KMOB_DISCIPLINE_TOPIC,
    summary: 'A closed month changed (an imported log or a request approved afterwards): the next version of the summary, superseding the earlier ones.',
    key: 'the employee NIP',
    schema: SUMMARY_SCHEMA,
  }),
} as const;
