import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { EventDefinition, JsonSchema } from './event-definition';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
/** Keyed by the schema object, not the type name: events sharing a schema share one compiled validator, and a reused type name on a new topic gets its own. */
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/** Where an event's data breaks its schema: a JSON pointer into the data and the schema keyword. */
export interface ContractProblem {
  path: string;
  keyword: string;
}

export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
  constructor(
    readonly eventType: string,
    readonly problems: string[],
    readonly fields: ContractProblem[] = [],
    readonly topic?: string,
  ) {
    super(`${eventType}${topic ? ` on ${topic}` : ''} does not match its schema: ${problems.join('; ')}`);
  }
}

function validatorFor(definition: EventDefinition<unknown>): ValidateFunction {
  let validate = compiled.get(definition.schema);
  if (!validate) {
    validate = ajv.compile(definition.schema);
    compiled.set(definition.schema, validate);
  }
  return validate;
}

/**
 * Throws ContractViolation unless `data` matches the definition's schema. Takes the definition, not a
 * type name, since a type name alone is ambiguous across topic versions; callers holding only a
 * record's topic and type look it up with eventDefinition(topic, type).
 */
export function assertValidEvent<T>(definition: EventDefinition<T>, data: unknown): asserts data is T {
  const validate = validatorFor(definition);
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    throw new ContractViolation(
      definition.type,
      errors.map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`),
      errors.map((e) => ({ path: e.instancePath || '/', keyword: e.keyword })),
      definition.topic,
    );
  }
}
