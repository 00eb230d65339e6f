import { assertValidEvent, ContractViolation, type EventDefinition } from '@app/contracts';
import type { Consumer, IHeaders, KafkaMessage, Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { MalformedEvent, parseCloudEvent, type CloudEvent } from './cloud-event';
import type { KafkaConnection } from './kafka-connection';

export type EventHandler<T> = (event: CloudEvent<T>, manager: EntityManager) => Promise<void>;

/** Kafka topic names cannot contain a space, so the pair is unambiguous. */
const handlerKey = (topic: string, type: string) => `${topic} ${type}`;

export interface EventConsumerOptions {
  /** Kafka consumer group and inbox key; one name per projection. */
  name: string;
  /** Attempts before an event is parked on `<topic>.dlq`. */
  maxAttempts?: number;
  retryDelayMs?: number;
  fromBeginning?: boolean;
  /**
   * Partitions applied in parallel (each still in order, as records of one key share a partition): a
   * projection catching up on a province's worth of events is bound by database round trips, not CPU.
   */
  partitionsConcurrently?: number;
  log: { info(message: string): void; warn(message: string): void; error(message: string): void };
}

/**
 * Applies events idempotently: the handler's writes and the inbox row keyed by (consumer, event id)
 * commit in one transaction, so a redelivered event changes nothing. An event that keeps failing, or
 * does not match its contract, goes to `<topic>.dlq` with the error in its headers and the consumer
 * moves on. Handlers see CloudEvents and an EntityManager, never the Kafka client.
 */
export class EventConsumer {
  /** Keyed by topic and type: a type name is unique only within its topic (v2 may reuse v1's names). */
  private readonly handlers = new Map<string, { definition: EventDefinition<unknown>; handler: EventHandler<unknown> }>();
  private consumer: Consumer | null = null;
  private dlqProducer: Producer | null = null;
  private appliedCount = 0;
  private deadLetteredCount = 0;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly dataSource: DataSource,
    private readonly options: EventConsumerOptions,
  ) {}

  on<T>(definition: EventDefinition<T>, handler: EventHandler<T>): this {
    this.handlers.set(handlerKey(definition.topic, definition.type), {
      definition: definition as EventDefinition<unknown>,
      handler: handler as EventHandler<unknown>,
    });
    return this;
  }

  get stats(): { applied: number; deadLettered: number } {
    return { applied: this.appliedCount, deadLettered: this.deadLetteredCount };
  }

  async start(): Promise<void> {
    const topics = [...new Set([...this.handlers.values()].map((h) => h.definition.topic))];
    this.dlqProducer = this.kafka.producer();
    await this.dlqProducer.connect();
    this.consumer = this.kafka.consumer(this.options.name);
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 1,
      eachMessage: async ({ topic, partition, message }) => this.handle(topic, partition, message),
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.dlqProducer?.disconnect();
    this.consumer = null;
    this.dlqProducer = null;
  }

  private async handle(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    let event: CloudEvent;
    try {
      event = parseCloudEvent(message.headers, message.value);
    } catch (error) {
      return this.deadLetter(topic, partition, message, error as Error, 1);
    }
    const registered = this.handlers.get(handlerKey(topic, event.type));
    if (!registered) return; // another consumer's event on a shared topic
    try {
      assertValidEvent(registered.definition, event.data);
    } catch (error) {
      return this.deadLetter(topic, partition, message, error as Error, 1);
    }
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyOnce(event, registered.handler);
        return;
      } catch (error) {
        if (attempt >= maxAttempts || error instanceof ContractViolation || error instanceof MalformedEvent) {
          return this.deadLetter(topic, partition, message, error as Error, attempt);
        }
        this.options.log.warn(`${this.options.name}: ${event.type} ${event.id} failed (attempt ${attempt}/${maxAttempts}): ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, (this.options.retryDelayMs ?? 200) * attempt));
      }
    }
  }

  private async applyOnce(event: CloudEvent, handler: EventHandler<unknown>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO inbox_event (consumer, event_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.options.name, event.id, event.type],
      )) as unknown[];
      if (inserted.length === 0) return; // already applied
      await handler(event, manager);
      this.appliedCount++;
    });
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, error: Error, attempts: number): Promise<void> {
    this.deadLetteredCount++;
    this.options.log.error(`${this.options.name}: moving offset ${message.offset} of ${topic}[${partition}] to ${topic}.dlq: ${error.message}`);
    const headers: IHeaders = {
      ...(message.headers ?? {}),
      dlq_error: error.message.slice(0, 2000),
      dlq_error_type: error.name,
      dlq_consumer: this.options.name,
      dlq_attempts: String(attempts),
      dlq_source: `${topic}/${partition}/${message.offset}`,
    };
    await this.dlqProducer!.send({ topic: `${topic}.dlq`, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
  }
}
