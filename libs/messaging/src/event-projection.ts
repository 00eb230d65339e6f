import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { EventConsumer, type EventConsumerOptions } from './event-consumer';
import type { KafkaConnection } from './kafka-connection';

/**
 * A service's projection of another service's events, run by one EventConsumer for the life of the
 * service: started once the service is up (Kafka may come up later; the projection catches up once it
 * can connect, the failure logged) and stopped before it shuts down. A subclass says which events go to
 * which of its handlers.
 */
export abstract class EventProjection implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: EventConsumer | null = null;

  protected constructor(
    private readonly kafka: KafkaConnection,
    protected readonly dataSource: DataSource,
    private readonly options: EventConsumerOptions & { description: string },
  ) {}

  protected abstract subscribe(consumer: EventConsumer): void;

  onApplicationBootstrap(): void {
    const { description, ...consumerOptions } = this.options;
    const consumer = new EventConsumer(this.kafka, this.dataSource, consumerOptions);
    this.subscribe(consumer);
    this.consumer = consumer;
    consumer.start().catch((error: Error) => this.options.log.error(`${description} could not start: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
