import { Kafka, logLevel, Partitioners, type Admin, type Consumer, type Producer } from 'kafkajs';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  log?: { warn(message: string): void; error(message: string): void };
}

/**
 * The one place that builds kafkajs clients. Everything else in the platform talks to Kafka through the
 * outbox relay and EventConsumer, so swapping the client library touches only this folder.
 */
export class KafkaConnection {
  private readonly kafka: Kafka;

  constructor(readonly settings: KafkaSettings) {
    const log = settings.log;
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      logLevel: logLevel.WARN,
      retry: { retries: 5, initialRetryTime: 100 },
      logCreator:
        () =>
        ({ level, log: entry }) => {
          const text = `kafkajs: ${entry.message}${entry.error ? ` (${String(entry.error)})` : ''}`;
          if (level === logLevel.ERROR) log?.error(text);
          else if (level === logLevel.WARN) log?.warn(text);
        },
    });
  }

  /**
   * One request in flight, so records of one key keep their order. Not kafkajs's idempotent mode: it
   * demands unlimited retries, while the outbox relay must fail fast and back off; a record resent
   * after a failure is dropped by the consumers' inbox.
   */
  producer(): Producer {
    return this.kafka.producer({ maxInFlightRequests: 1, allowAutoTopicCreation: true, createPartitioner: Partitioners.DefaultPartitioner });
  }

  consumer(groupId: string): Consumer {
    return this.kafka.consumer({ groupId, allowAutoTopicCreation: true, maxWaitTimeInMs: 500 });
  }

  admin(): Admin {
    return this.kafka.admin();
  }
}
