import type { JsonSchema, SchemaData } from '../event-definition';

export const ISO_DATE = { type: 'string', format: 'date', description: 'ISO date YYYY-MM-DD' } as const satisfies JsonSchema;
export const NIP = { type: 'string', pattern: '^[0-9]{18}$', description: '18-digit Nomor Induk Pegawai' } as const satisfies JsonSchema;

export const DECREE_SCHEMA = {
  type: 'object',
  required: ['skNumber', 'tmt'],
  additionalProperties: false,
  properties: { skNumber: { type: 'string', minLength: 1 }, tmt: ISO_DATE },
} as const satisfies JsonSchema;

/** A career decree: the SK number and the date it takes effect (TMT). */
export type Decree = SchemaData<typeof DECREE_SCHEMA>;
