import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { loadConfig, type BaseServiceConfig } from './config';
import type { Socket } from 'node:net';
import { clientErrorResponse, ErrorBodyFilter, frameworkErrorBody } from './errors';
import { guardInput } from './input-guard';
import { createLogger, PinoNestLogger } from './logger';
import { registerMetrics } from './metrics';
import { contextFromHeaders, requestContext } from './request-context';
import { createValidationPipe } from './validation';

const SHUTDOWN_LIMIT_MS = 15_000;

export interface ServiceDefinition<C extends BaseServiceConfig> {
  /** Short name: the route prefix /api/v1/<name> and the CloudEvents source /sulteng/<name>. */
  name: string;
  title: string;
  description: string;
  configClass: new () => C;
  rootModule(config: C, logger: Logger): DynamicModule;
  /** Request bodies above this are refused with 413. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Extra wiring on the Fastify instance before the app starts (the gateway's proxy, limits, audit). */
  configure?(app: NestFastifyApplication, config: C, logger: Logger): Promise<void>;
  /** Route prefix; default `api/v1/<name>`. */
  routePrefix?: string;
  /** Content types accepted as a raw text body (e.g. text/csv for imports), with their own size limit. */
  textBodies?: { types: string[]; limitBytes: number };
}

/** Builds the Nest app of a service with everything the platform gives each one; not yet listening. */
export async function createServiceApp<C extends BaseServiceConfig>(definition: ServiceDefinition<C>, config: C): Promise<NestFastifyApplication> {
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const bodyLimit = definition.bodyLimitBytes ?? 1024 * 1024;
  const adapter = new FastifyAdapter({
    bodyLimit,
    logger: false,
    // Refusals by the router itself (a bad %-escape, an overlong parameter) in the platform's one error body.
    frameworkErrors: (error: Error & { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) => {
      void reply.code(error.statusCode ?? 400).header('content-type', 'application/json; charset=utf-8').send(frameworkErrorBody(error, contextFromHeaders(request.headers).requestId));
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
  registerMetrics(fastify, definition.name, config.METRICS_TOKEN);
  if (definition.textBodies) {
    const { types, limitBytes } = definition.textBodies;
    fastify.addContentTypeParser(types, { parseAs: 'string', bodyLimit: limitBytes }, (_request, body, done) => done(null, body));
  }
  const prefix = definition.routePrefix ?? `api/v1/${definition.name}`;
  app.setGlobalPrefix(prefix, { exclude: ['health/live', 'health/ready'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorBodyFilter(logger));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(definition.title).setDescription(definition.description).setVersion('1').build(),
  );
  const docs = `api/v1/${definition.name}/docs`;
  SwaggerModule.setup(docs, app, document, { jsonDocumentUrl: `${docs}/json` });
  await definition.configure?.(app, config, logger);
  return app;
}

/** A service's main(): validated config, then listen; a bad config stops the process naming the variable. */
export async function runService<C extends BaseServiceConfig>(definition: ServiceDefinition<C>): Promise<void> {
  let config: C;
  try {
    config = loadConfig(definition.configClass);
  } catch (error) {
    console.error(`${definition.name}: ${(error as Error).message}`);
    process.exit(78); // EX_CONFIG
  }
  const app = await createServiceApp(definition, config);
  // Loopback unless told otherwise: only the gateway is meant to be reachable from other machines, and
  // containers set HOST=0.0.0.0 (Dockerfile) so the orchestrator's network reaches them.
  await app.listen(config.PORT, process.env.HOST ?? '127.0.0.1');
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  logger.info(`${definition.title} listening on port ${config.PORT}`);
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
