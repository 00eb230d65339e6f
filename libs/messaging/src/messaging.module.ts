import { Global, Inject, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KafkaConnection } from './kafka-connection';
import { OutboxPublisher } from './outbox-publisher';
import { OutboxRelay } from './outbox-relay';

export interface MessagingModuleOptions {
  /** CloudEvents source of this service, e.g. `/sulteng/siap`. */
  source: string;
  clientId: string;
  brokers: string[];
  databaseUrl: string;
  log: { info(message: string): void; warn(message: string): void; error(message: string): void };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

class RelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(OutboxRelay) private readonly relay: OutboxRelay) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  /** Graceful shutdown: publish what is pending before the process exits. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/** Gives a service its outbox publisher and relay, wired to its own database and Kafka. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KafkaConnection, useFactory: () => new KafkaConnection({ brokers: options.brokers, clientId: options.clientId, log: options.log }) },
        { provide: OutboxPublisher, useFactory: () => new OutboxPublisher(options.source) },
        {
          provide: OutboxRelay,
          inject: [DataSource, KafkaConnection],
          useFactory: (dataSource: DataSource, kafka: KafkaConnection) =>
            new OutboxRelay(dataSource, kafka, { databaseUrl: options.databaseUrl, log: options.log }),
        },
        RelayLifecycle,
      ],
      exports: [KafkaConnection, OutboxPublisher, OutboxRelay, MESSAGING_OPTIONS],
    };
  }
}
