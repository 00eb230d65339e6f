import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { EventDefinition } from './event-definition';
import { eventDefinition } from './registry';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

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
  ) {
    super(`${eventType} does not match its schema: ${problems.join('; ')}`);
  }
}

function validatorFor(definition: EventDefinition<unknown>): ValidateFunction {
  let validate = compiled.get(definition.type);
  if (!validate) {
    validate = ajv.compile(definition.schema);
    compiled.set(definition.type, validate);
  }
  return validate;
}

/** Throws ContractViolation unless `data` matches the schema of event `type`. */
export function assertValidEvent(type: string, data: unknown): void {
  const definition = eventDefinition(type);
  if (!definition) throw new ContractViolation(type, ['unknown event type']);
  const validate = validatorFor(definition);
  if (!validate(data)) {
    const errors = validate.errors ?? [];
    throw new ContractViolation(
      type,
      errors.map((e) => `${e.instancePath || '/'} ${e.message ?? 'invalid'}`),
      errors.map((e) => ({ path: e.instancePath || '/', keyword: e.keyword })),
    );
  }
}
