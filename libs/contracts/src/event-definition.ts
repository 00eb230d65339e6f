import type { FromSchema, JSONSchema } from 'json-schema-to-ts';

/**
 * JSON Schema (draft 2020-12 subset) as plain data, so the same object feeds ajv and the AsyncAPI document.
 *
 * Each event's TypeScript type is derived from its schema (`FromSchema`, schemas written `as const`)
 * rather than written beside it, so the two cannot drift: there is only one of them. We chose this over
 * annotating schemas with ajv's `JSONSchemaType<T>` because that type demands `nullable: true` on every
 * optional property, which would make ajv accept `decree: null`, and has no form for
 * `type: ['string', 'null']`, so the schemas would have to get weaker to satisfy it.
 */
export type JsonSchema = JSONSchema & object; // no boolean schemas: a whole event is never `true`

/** The payload type a schema describes. */
export type SchemaData<S extends JsonSchema> = FromSchema<S>;

/** One event type on one channel: what outside consumers read in the AsyncAPI document. */
export interface EventDefinition<TData> {
  /** CloudEvents `type`, e.g. `siap.employee.registered`: unique within its topic, which a later version may reuse. */
  type: string;
  /** Kafka topic, versioned: a breaking change gets a new topic (`.v2`). */
  topic: string;
  summary: string;
  /** What the record key is (the aggregate id), so consumers know what stays in order. */
  key: string;
  schema: JsonSchema;
  /** Compile-time only: ties the TypeScript payload type to the definition. */
  readonly _data?: TData;
}

/** The payload type is the schema's, so a definition cannot claim a type its schema does not describe. */
export function defineEvent<const S extends JsonSchema>(definition: {
  type: string;
  topic: string;
  summary: string;
  key: string;
  schema: S;
}): EventDefinition<SchemaData<S>> {
  return definition;
}
