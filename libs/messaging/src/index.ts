export * from './cloud-event';
export * from './event-consumer';
export * from './kafka-connection';
export * from './messaging.entities';
export * from './messaging.migration';
export * from './outbox-publisher';
export * from './outbox-relay';
export * from './messaging.module';
