import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { requestContext } from './request-context';

/**
 * JSON logs (one object a line) carrying the request id and trace id of the request being served. With
 * LOG_FORMAT=pretty (what `npm start` sets) one readable line per event instead, warnings and errors
 * coloured; production keeps JSON for the log pipeline.
 */
export function createLogger(service: string, level: string, format = process.env.LOG_FORMAT ?? 'json'): Logger {
  const options = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const ctx = requestContext.getStore();
      return ctx ? { requestId: ctx.requestId, traceId: ctx.traceId } : {};
    },
  };
  if (format !== 'pretty') return pino(options);
  // A development dependency, loaded only for a person's terminal.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pretty = require('pino-pretty') as (options: object) => NodeJS.WritableStream;
  return pino(
    options,
    pretty({
      colorize: process.env.LOG_COLOR === '1' || process.stdout.isTTY,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,service,traceId',
      sync: true,
    }),
  );
}

/** Nest's start-up chatter (a line per module and route): useful when debugging, noise otherwise. */
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** Routes Nest's own log calls into pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    if (context && STARTUP_CONTEXTS.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

/** TypeORM's own messages (failed queries, migrations) into pino, so they respect LOG_LEVEL and stay JSON. */
export class PinoTypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(): void {}
  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ err: error, query: query.slice(0, 500) }, 'query failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query: query.slice(0, 500) }, 'slow query');
  }
  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }
  logMigration(message: string): void {
    this.logger.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}
