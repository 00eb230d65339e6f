import type { JsonSchema } from '../event-definition';

export const ISO_DATE: JsonSchema = { type: 'string', format: 'date', description: 'ISO date YYYY-MM-DD' };
export const NIP: JsonSchema = { type: 'string', pattern: '^[0-9]{18}$', description: '18-digit Nomor Induk Pegawai' };

/** A career decree: the SK number and the date it takes effect (TMT). */
export interface Decree {
  skNumber: string;
  tmt: string;
}

export const DECREE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['skNumber', 'tmt'],
  additionalProperties: false,
  properties: { skNumber: { type: 'string', minLength: 1 }, tmt: ISO_DATE },
};
