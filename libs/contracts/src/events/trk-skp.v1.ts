import { defineEvent, type JsonSchema, type SchemaData } from '../event-definition';
import { NIP } from './siap-common.schema';

export const TRK_SKP_TOPIC = 'trk.skp.v1';

const RATING = { enum: ['DI_ATAS', 'SESUAI', 'DI_BAWAH'], description: 'Against expectations (PermenPANRB 6/2022).' } as const satisfies JsonSchema;
const PREDIKAT = {
  enum: ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'],
  description: 'The annual predikat kinerja; KURANG is "Kurang/Misconduct".',
} as const satisfies JsonSchema;
const BERAKHLAK_CODES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'] as const;
const YEAR = { type: 'integer', minimum: 1900, maximum: 2100 } as const satisfies JsonSchema;

const RATED_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['year', 'nip', 'unitCode', 'hasil', 'perilaku', 'perilakuValues', 'predikat', 'note', 'ratedBy', 'ratedAt'],
  properties: {
    year: YEAR,
    nip: NIP,
    unitCode: { type: 'string', description: 'The unit the employee was in when rated; its organisation rating sets the distribution pattern.' },
    hasil: { ...RATING, description: 'Hasil kerja (results) against expectations.' },
    perilaku: { ...RATING, description: 'Perilaku kerja (behaviour) overall, the atasan’s judgement over the seven BerAKHLAK values.' },
    perilakuValues: {
      type: 'object',
      additionalProperties: false,
      required: BERAKHLAK_CODES,
      properties: Object.fromEntries(BERAKHLAK_CODES.map((code) => [code, RATING])) as Record<(typeof BERAKHLAK_CODES)[number], typeof RATING>,
      description: 'Each BerAKHLAK core value rated.',
    },
    predikat: { ...PREDIKAT, description: 'hasil × perilaku by the PermenPANRB 6/2022 matrix.' },
    note: { type: ['string', 'null'] },
    ratedBy: { ...NIP, description: 'The pejabat penilai: the atasan (or, with that position vacant, an operator of the unit or BKD).' },
    ratedAt: { type: 'string', format: 'date-time' },
  },
} as const satisfies JsonSchema;

const FINALISED_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['year', 'unitCode', 'organisationRating', 'employees', 'counts', 'violations', 'override', 'finalisedBy', 'finalisedAt'],
  properties: {
    year: YEAR,
    unitCode: { type: 'string', description: 'The unit; its ratings are those of the employees in it and in the units below it.' },
    organisationRating: { enum: ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'], description: "The unit's own achievement." },
    employees: { type: 'integer', minimum: 0 },
    counts: {
      type: 'object',
      additionalProperties: { type: 'integer', minimum: 0 },
      description: 'Employees per predikat. Each employee’s final predikat is their last trk.skp.rated of the year: ratings are locked once finalised.',
    },
    violations: {
      type: 'array',
      description: 'Where the distribution broke the pattern (SE MenPANRB 3/2023); non-empty only when BKD overrode it.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['predikat', 'rule', 'limit', 'actual', 'message'],
        properties: {
          predikat: { type: 'array', items: PREDIKAT },
          rule: { enum: ['max', 'min', 'mustExist', 'none'] },
          limit: { type: 'integer', minimum: 0 },
          actual: { type: 'integer', minimum: 0 },
          message: { type: 'string' },
        },
      },
    },
    override: {
      type: ['object', 'null'],
      additionalProperties: false,
      required: ['reason', 'by', 'at'],
      properties: { reason: { type: 'string' }, by: NIP, at: { type: 'string', format: 'date-time' } },
      description: "A BKD admin's override of the distribution pattern, with the reason recorded.",
    },
    finalisedBy: NIP,
    finalisedAt: { type: 'string', format: 'date-time' },
  },
} as const satisfies JsonSchema;

export type SkpRatedEventData = SchemaData<typeof RATED_SCHEMA>;
export type SkpFinalisedEventData = SchemaData<typeof FINALISED_SCHEMA>;

export const SkpEvents = {
  rated: defineEvent({
    type: 'trk.skp.rated',
    topic: TRK_SKP_TOPIC,
    summary: "An employee's annual SKP rating (hasil kerja, perilaku kerja and its BerAKHLAK values) and the predikat it gives, set or changed by the atasan.",
    key: 'the employee NIP',
    schema: RATED_SCHEMA,
  }),
  finalised: defineEvent({
    type: 'trk.skp.finalised',
    topic: TRK_SKP_TOPIC,
    summary: "A unit's annual predikat were finalised within the distribution pattern of its organisation rating (or with a BKD override).",
    key: 'unit:<unit code>',
    schema: FINALISED_SCHEMA,
  }),
} as const;
