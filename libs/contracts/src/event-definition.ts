/** JSON Schema (draft 2020-12 subset) as plain data, so the same object feeds ajv and the AsyncAPI document. */
export type JsonSchema = Record<string, unknown>;

/** One event type on one channel: what outside consumers read in the AsyncAPI document. */
export interface EventDefinition<TData> {
  /** CloudEvents `type`, e.g. `siap.employee.registered`. */
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

export function defineEvent<TData>(definition: Omit<EventDefinition<TData>, '_data'>): EventDefinition<TData> {
  return definition;
}
