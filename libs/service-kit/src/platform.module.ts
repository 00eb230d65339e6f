import { CreateMessagingTables1732780800000, MESSAGING_ENTITIES, MessagingModule } from '@app/messaging';
import { IdentityGuard, INTERNAL_AUTH_SECRET } from '@app/auth';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { EntitySchema, MixedList } from 'typeorm';
import type { BaseServiceConfig } from './config';
import { HealthController } from './health.controller';
import { PinoTypeOrmLogger } from './logger';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_LOGGER = Symbol('SERVICE_LOGGER');

export interface PlatformOptions {
  service: string;
  config: BaseServiceConfig;
  logger: Logger;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /**
   * Every request needs the identity the gateway signed (libs/auth), so a service reached directly
   * answers 401. Only the gateway itself, which authenticates people, turns this off.
   */
  requireGatewayIdentity?: boolean;
}

/**
 * What every service stands on: its own PostgreSQL database (migrations applied at start, never
 * synchronize), the outbox and Kafka, health checks and the validated config.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config, logger, service } = options;
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.DATABASE_URL,
          entities: [...MESSAGING_ENTITIES, ...(options.entities as never[])],
          migrations: [CreateMessagingTables1732780800000, ...options.migrations],
          migrationsRun: true,
          migrationsTransactionMode: 'each',
          synchronize: false,
          extra: { max: 20 },
          logger: new PinoTypeOrmLogger(logger),
        }),
        MessagingModule.forRoot({
          source: `/sulteng/${service}`,
          clientId: service,
          brokers: config.kafkaBrokers,
          databaseUrl: config.DATABASE_URL,
          log: logger,
        }),
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_LOGGER, useValue: logger },
        { provide: INTERNAL_AUTH_SECRET, useValue: config.INTERNAL_AUTH_SECRET },
        ...(options.requireGatewayIdentity === false ? [] : [{ provide: APP_GUARD, useClass: IdentityGuard }]),
      ],
      exports: [SERVICE_CONFIG, SERVICE_LOGGER],
    };
  }
}
