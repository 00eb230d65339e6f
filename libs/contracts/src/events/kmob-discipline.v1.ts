import { defineEvent, type JsonSchema } from '../event-definition';
import { ISO_DATE, NIP } from './siap-common.schema';

export const KMOB_DISCIPLINE_TOPIC = 'kmob.discipline.v1';

export interface DisciplineDay {
  date: string;
  unitCode: string;
  status: string;
  minutesLate: number;
  minutesEarly: number;
  deductionPercent: number;
}

export interface DisciplineUnitShare {
  unitCode: string;
  workingDays: number;
  deductionPercent: number;
}

export interface DisciplineSummaryEventData {
  nip: string;
  /** YYYY-MM */
  month: string;
  /** 1 at the first close; each correction after closing publishes the next version, which supersedes the earlier ones. */
  version: number;
  /** Days per status code (H, TL1–4, PSW1–4, DL, C, S, I, TK, L). */
  counts: Record<string, number>;
  /** The month's total deduction, capped as the discipline rules say: TPP's discipline part is (100 − this)% of 40%. */
  deductionPercent: number;
  /** Working days and deductions per unit, for an employee transferred during the month. */
  units: DisciplineUnitShare[];
  /** The days that carry a deduction, so the figure can be explained line by line. */
  contributingDays: DisciplineDay[];
}

const SUMMARY_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['nip', 'month', 'version', 'counts', 'deductionPercent', 'units', 'contributingDays'],
  properties: {
    nip: NIP,
    month: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' },
    version: { type: 'integer', minimum: 1 },
    counts: { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
    deductionPercent: { type: 'number', minimum: 0 },
    units: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['unitCode', 'workingDays', 'deductionPercent'],
        properties: { unitCode: { type: 'string' }, workingDays: { type: 'integer', minimum: 0 }, deductionPercent: { type: 'number', minimum: 0 } },
      },
    },
    contributingDays: {
      type: 'array',
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
};

export const DisciplineEvents = {
  monthClosed: defineEvent<DisciplineSummaryEventData>({
    type: 'kmob.discipline.month-closed',
    topic: KMOB_DISCIPLINE_TOPIC,
    summary: "An employee's monthly discipline summary, frozen when BKD closed the month (version 1).",
    key: 'the employee NIP',
    schema: SUMMARY_SCHEMA,
  }),
  monthCorrected: defineEvent<DisciplineSummaryEventData>({
    type: 'kmob.discipline.month-corrected',
    topic: KMOB_DISCIPLINE_TOPIC,
    summary: 'A closed month changed (an imported log or a request approved afterwards): the next version of the summary, superseding the earlier ones.',
    key: 'the employee NIP',
    schema: SUMMARY_SCHEMA,
  }),
} as const;
