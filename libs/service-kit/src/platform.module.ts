import { CreateMessagingTables1732780800000, MESSAGING_ENTITIES, MessagingModule } from '@app/messaging';
import { IdentityGuard, INTERNAL_AUTH_SECRET } from '@app/auth';
import { Global, Inject, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import { APP_GUARD, ModuleRef } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import type { BaseServiceConfig } from './config';
import * as path from 'node:path';
import { FILE_STORAGE, openFilesystemStorage } from './files/file-storage';
import { HealthController } from './health.controller';
import { PinoTypeOrmLogger } from './logger';
import { CreateJobTables1732780850000, JobRunner, JobsController, JobStore, type JobHandler } from './jobs';

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
  /**
   * The kinds of durable job this service runs (see libs/service-kit/src/jobs); each is also a provider
   * of the service's own module, where its dependencies are.
   */
  jobs?: Type<JobHandler>[];
  /** The descriptor's `storesFiles`: only then is FILE_STORAGE provided, its folder checked before the service starts. */
  storesFiles?: boolean;
}

const JOB_KINDS = Symbol('JOB_KINDS');

/**
 * Runs the service's jobs unless this process only serves the API (SERVICE_ROLE=api). Start-up fails
 * when two handlers claim one kind.
 */
class JobRunnerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private runner: JobRunner | null = null;

  constructor(
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JOB_KINDS) private readonly kinds: Type<JobHandler>[],
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SERVICE_ROLE === 'api' || this.kinds.length === 0) return;
    const handlers = this.kinds.map((kind) => this.moduleRef.get(kind, { strict: false }));
    const byKind = new Map(handlers.map((h) => [h.kind, h]));
    if (byKind.size !== handlers.length) throw new Error('two job handlers share a kind');
    this.runner = new JobRunner(this.dataSource, byKind, { databaseUrl: this.config.DATABASE_URL, logger: this.logger });
    await this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
  }
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
          migrations: [CreateMessagingTables1732780800000, CreateJobTables1732780850000, ...options.migrations],
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
      controllers: [HealthController, JobsController],
      providers: [
        { provide: JOB_KINDS, useValue: options.jobs ?? [] },
        ...(options.storesFiles
          ? [{ provide: FILE_STORAGE, useFactory: () => openFilesystemStorage(path.resolve(config.FILES_DIR ?? path.join('.data', 'files', service)), logger) }]
          : []),
        { provide: JobStore, inject: [DataSource], useFactory: (dataSource: DataSource) => new JobStore(dataSource) },
        JobRunnerLifecycle,
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_LOGGER, useValue: logger },
        { provide: INTERNAL_AUTH_SECRET, useValue: config.INTERNAL_AUTH_SECRET },
        ...(options.requireGatewayIdentity === false ? [] : [{ provide: APP_GUARD, useClass: IdentityGuard }]),
      ],
      exports: [SERVICE_CONFIG, SERVICE_LOGGER, JobStore, ...(options.storesFiles ? [FILE_STORAGE] : [])],
    };
  }
}
