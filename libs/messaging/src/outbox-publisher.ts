import { assertValidEvent, type EventDefinition } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { newCloudEvent, type CloudEvent } from './cloud-event';
import { OutboxEventRow } from './messaging.entities';

export interface PublishOptions<T> {
  /** The aggregate id: record key and CloudEvents subject (the NIP for employees). */
  key: string;
  data: T;
  traceparent?: string;
}

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
    const events = items.map((item) => {
      assertValidEvent(definition.type, item.data);
      return newCloudEvent<T>({ source: this.source, type: definition.type, subject: item.key, data: item.data, traceparent: item.traceparent });
    });
    if (events.length === 0) return events;
    const rows = events.map((e, i) => ({
      eventId: e.id,
      topic: definition.topic,
      key: items[i].key,
      type: e.type,
      source: e.source,
      subject: e.subject,
      time: new Date(e.time),
      data: e.data as object,
      traceparent: e.traceparent ?? null,
    }));
    // One multi-row INSERT per chunk: bulk imports publish thousands of events in a transaction.
    for (let i = 0; i < rows.length; i += 1000) {
      await manager.createQueryBuilder().insert().into(OutboxEventRow).values(rows.slice(i, i + 1000)).execute();
    }
    return events;
  }
}
