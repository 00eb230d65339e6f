import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { loadConfig, type BaseServiceConfig } from './config';
import type { Socket } from 'node:net';
import { clientErrorResponse, ErrorBodyFilter, frameworkErrorBody } from './errors';
import { guardInput } from './input-guard';
import { createLogger, PinoNestLogger } from './logger';
import { registerMetrics } from './metrics';
import { openApiDocument, writeOpenApiDocument } from './openapi';
import { DEFAULT_BODY_LIMIT_BYTES, routePrefixOf, type ServiceDescriptor } from './service-descriptor';
import { contextFromHeaders, requestContext } from './request-context';
import { createValidationPipe } from './validation';

const SHUTDOWN_LIMIT_MS = 15_000;

/** A service's descriptor (what it is) with what builds it (its config class and root module). */
export interface ServiceDefinition<C extends BaseServiceConfig> {
  descriptor: ServiceDescriptor;
  configClass: new () => C;
  rootModule(config: C, logger: Logger): DynamicModule;
  /** Extra wiring on the Fastify instance before the app starts (the gateway's proxy, limits, audit). */
  configure?(app: NestFastifyApplication, config: C, logger: Logger): Promise<void>;
  /** Route prefix; default `api/v1/<name>` (the gateway serves its own routes and the services' under `api/v1`). */
  routePrefix?: string;
}

/** Builds the Nest app of a service with everything the platform gives each one; not yet listening. */
export async function createServiceApp<C extends BaseServiceConfig>(definition: ServiceDefinition<C>, config: C): Promise<NestFastifyApplication> {
  const { descriptor } = definition;
  const logger = createLogger(descriptor.name, config.LOG_LEVEL);
  const bodyLimit = descriptor.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const adapter = new FastifyAdapter({
    bodyLimit,
    logger: false,
    trustProxy: config.trustProxy,
    // Refusals by the router itself (a bad %-escape, an overlong parameter) in the platform's one error body.
    frameworkErrors: (error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) => {
      void reply
        .code(error.statusCode ?? 400)
        .header('content-type', 'application/json; charset=utf-8')
        .send(frameworkErrorBody(error, contextFromHeaders(request.headers).requestId));
    },
    clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      if (socket.writable) socket.write(clientErrorResponse(error.code));
      socket.destroy(error);
    },
  });
  // Nest's own JSON parser is replaced by guardInput's, which refuses hostile bodies before parsing them.
  const app = await NestFactory.create<NestFastifyApplication>(definition.rootModule(config, logger), adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    const ctx = contextFromHeaders(request.headers);
    // Answers are data, never pages to render: browsers must not guess another type for them.
    void reply.header('x-request-id', ctx.requestId).header('x-content-type-options', 'nosniff');
    requestContext.run(ctx, done);
  });
  guardInput(fastify, bodyLimit);
  registerMetrics(fastify, descriptor.name, config.METRICS_TOKEN);
  if (descriptor.textBodies) {
    const { types, limitBytes } = descriptor.textBodies;
    fastify.addContentTypeParser(types, { parseAs: 'string', bodyLimit: limitBytes }, (_request, body, done) => done(null, body));
  }
  const prefix = definition.routePrefix ?? routePrefixOf(descriptor);
  app.setGlobalPrefix(prefix, { exclude: ['health/live', 'health/ready'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorBodyFilter(logger));
  app.enableShutdownHooks();
  const document = openApiDocument(app, descriptor);
  const docs = `${routePrefixOf(descriptor)}/docs`;
  SwaggerModule.setup(docs, app, document, { jsonDocumentUrl: `${docs}/json` });
  await definition.configure?.(app, config, logger);
  return app;
}

/** A service's main(): validated config, then listen; a bad config stops the process naming the variable. */
export async function runService<C extends BaseServiceConfig>(definition: ServiceDefinition<C>): Promise<void> {
  let config: C;
  if (process.env.WRITE_OPENAPI) {
    // The build asks for the API document alone: no database, broker or port (see openapi.ts).
    const placeholders = {
      PORT: '1',
      DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi',
      KAFKA_BROKERS: '127.0.0.1:1',
      INTERNAL_AUTH_SECRET: 'o'.repeat(32),
      JWT_SECRET: 'o'.repeat(32),
    };
    config = loadConfig(definition.configClass, { ...placeholders, LOG_LEVEL: 'silent' });
    const logger = createLogger(definition.descriptor.name, 'silent');
    await writeOpenApiDocument(
      definition.descriptor,
      definition.rootModule(config, logger),
      definition.routePrefix ?? routePrefixOf(definition.descriptor),
      process.env.WRITE_OPENAPI,
    );
    process.exit(0);
  }
  try {
    config = loadConfig(definition.configClass);
  } catch (error) {
    console.error(`${definition.descriptor.name}: ${(error as Error).message}`);
    process.exit(78); // EX_CONFIG
  }
  const app = await createServiceApp(definition, config);
  // Loopback unless told otherwise: only the gateway is meant to be reachable from other machines, and
  // containers set HOST=0.0.0.0 (Dockerfile) so the orchestrator's network reaches them.
  await app.listen(config.PORT, process.env.HOST ?? '127.0.0.1');
  const logger = createLogger(definition.descriptor.name, config.LOG_LEVEL);
  logger.info(`${definition.descriptor.title} listening on port ${config.PORT}`);
  // Started by `npm start` (with an IPC channel): when that process dies, even by SIGKILL, shut down too
  // rather than live on as an orphan holding the port.
  if (process.send) process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  // Graceful shutdown is bounded: if a dependency is already gone (the database stopped first), the
  // process still exits instead of hanging on as an orphan.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        logger.error(`shutdown did not finish within ${SHUTDOWN_LIMIT_MS / 1000} s; exiting`);
        process.exit(1);
      }, SHUTDOWN_LIMIT_MS).unref();
    });
  }
}
