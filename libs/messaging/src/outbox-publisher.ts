import { assertValidEvent, type EventDefinition } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { newCloudEvent, type CloudEvent } from './cloud-event';

export interface PublishOptions<T> {
  /** The aggregate id: record key and CloudEvents subject (the NIP for employees). */
  key: string;
  data: T;
  traceparent?: string;
}

/** Events ready to be written to the outbox as part of a caller's own SQL statement. */
export interface PreparedOutboxInsert<T> {
  events: CloudEvent<T>[];
  /** `INSERT INTO outbox_event (…) SELECT … FROM (VALUES …)`; append a WHERE to make it conditional. */
  sql: string;
  params: unknown[];
}

const COLUMNS = 'event_id, topic, record_key, type, source, subject, time, data, traceparent';
const TYPES = ['uuid', 'text', 'text', 'text', 'text', 'text', 'timestamptz', 'jsonb', 'text'];
/** Rows per INSERT, below PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1000;

/**
 * Writes events into the outbox inside the caller's transaction, so an event exists if and only if
 * the change it describes was committed. Payloads are checked against their contract first.
 */
export class OutboxPublisher {
  constructor(private readonly source: string) {}

  async publish<T>(manager: EntityManager, definition: EventDefinition<T>, options: PublishOptions<T>): Promise<CloudEvent<T>> {
    const [event] = await this.publishMany(manager, definition, [options]);
    return event;
  }

  async publishMany<T>(manager: EntityManager, definition: EventDefinition<T>, items: PublishOptions<T>[]): Promise<CloudEvent<T>[]> {
    const events: CloudEvent<T>[] = [];
    for (let i = 0; i < items.length; i += CHUNK) {
      const prepared = this.prepare(definition, items.slice(i, i + CHUNK));
      await manager.query(prepared.sql, prepared.params);
      events.push(...prepared.events);
    }
    return events;
  }

  /**
   * Validates and builds the events and the INSERT that stores them, with parameters numbered from
   * `firstParam`. For a hot path that writes its change and its event in one statement (one round trip,
   * still atomic); everything else should use publish().
   */
  prepare<T>(definition: EventDefinition<T>, items: PublishOptions<T>[], firstParam = 1): PreparedOutboxInsert<T> {
    const params: unknown[] = [];
    const tuples: string[] = [];
    const events = items.map((item) => {
      const { event, values } = this.build(definition, item);
      tuples.push(`(${values.map((_, c) => `$${firstParam + params.length + c}::${TYPES[c]}`).join(', ')})`);
      params.push(...values);
      return event;
    });
    return { events, sql: `INSERT INTO outbox_event (${COLUMNS}) SELECT * FROM (VALUES ${tuples.join(', ')}) AS v(${COLUMNS})`, params };
  }

  /**
   * The same as prepare(), as one array parameter per column: the SQL text is the same for any number
   * of events, so a batching hot path can run it as a prepared statement. `v.data` can be used in an
   * appended WHERE to keep only some of the rows.
   */
  prepareColumns<T>(definition: EventDefinition<T>, items: PublishOptions<T>[], firstParam = 1): PreparedOutboxInsert<T> {
    const columns: unknown[][] = TYPES.map(() => []);
    const events = items.map((item) => {
      const { event, values } = this.build(definition, item);
      values.forEach((value, c) => columns[c].push(value));
      return event;
    });
    const arrays = TYPES.map((type, c) => `$${firstParam + c}::${type}[]`).join(', ');
    return { events, sql: `INSERT INTO outbox_event (${COLUMNS}) SELECT * FROM unnest(${arrays}) AS v(${COLUMNS})`, params: columns };
  }

  private build<T>(definition: EventDefinition<T>, item: PublishOptions<T>): { event: CloudEvent<T>; values: unknown[] } {
    assertValidEvent(definition, item.data);
    const event = newCloudEvent<T>({ source: this.source, type: definition.type, subject: item.key, data: item.data, traceparent: item.traceparent });
    return {
      event,
      values: [
        event.id,
        definition.topic,
        item.key,
        event.type,
        event.source,
        event.subject,
        event.time,
        JSON.stringify(event.data),
        event.traceparent ?? null,
      ],
    };
  }
}
