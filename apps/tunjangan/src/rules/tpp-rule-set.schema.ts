import { COMPONENT_CODES } from '../domain/tpp-rule-set';

/**
 * The shape of a TPP rule set's `value` (domain/tpp-rule-set.ts TppRules) as JSON Schema: checked before
 * the domain's ruleSetProblems judges the figures, which assumes the shape. Bounds on sizes keep a
 * hostile document small; ranges of the figures are the domain's to judge.
 */
const number = { type: 'number' } as const;
const wholeMonths = { type: 'integer', minimum: 0, maximum: 120 } as const;
const code = (max: number) => ({ type: 'string', pattern: `^[A-Z0-9][A-Z0-9._-]{0,${max - 1}}$` }) as const;
const object = (properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, required: Object.keys(properties), properties });

export const TPP_RULES_SCHEMA = object({
  sources: {
    type: 'object',
    maxProperties: 30,
    propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]{0,39}$' },
    additionalProperties: { type: 'string', maxLength: 4000 },
  },
  ceilingIllustrative: { type: 'boolean' },
  ceilingByKelas: { type: 'object', maxProperties: 17, propertyNames: { pattern: '^(1[0-7]|[1-9])$' }, additionalProperties: number },
  ceilingOverrideByJabatan: { type: 'object', maxProperties: 5000, propertyNames: code(40), additionalProperties: number },
  components: {
    type: 'array',
    minItems: 1,
    maxItems: COMPONENT_CODES.length,
    items: object({ code: { enum: [...COMPONENT_CODES] }, weightPercent: number }),
  },
  statusFactors: { type: 'object', additionalProperties: false, properties: { PNS: number, CPNS: number, PPPK: number } },
  penalties: object({
    startsAfterSk: { const: 'NEXT_MONTH' },
    HUKDIS_RINGAN: { type: 'array', maxItems: 10, items: object({ type: code(40), percent: number, months: wholeMonths }) },
    HUKDIS_SEDANG: object({ percent: number, monthsAllowed: { type: 'array', minItems: 1, maxItems: 12, items: { type: 'integer', maximum: 120 } } }),
    HUKDIS_BERAT: object({ percent: number, months: wholeMonths }),
    LHKPN_LATE: object({ percentPerMonth: number }),
    combinedCapPercent: number,
  }),
  excludedStatuses: { type: 'array', maxItems: 20, uniqueItems: true, items: code(40) },
  proration: { const: 'workingDays' },
  bpjs: object({ employerPercent: number, employeePercent: number, cap: number, basis: { enum: ['paidTpp', 'ceiling'] } }),
  pph: object({ method: { const: 'TER' }, taxMode: { enum: ['withheld', 'borne'] }, terTableVersion: { type: 'string', minLength: 1, maxLength: 40 } }),
});
