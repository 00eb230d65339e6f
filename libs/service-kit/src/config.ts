import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Settings every service has; a service's own config class extends this one. */
export class BaseServiceConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  @IsString()
  @IsNotEmpty()
  DATABASE_URL!: string;

  /** Comma-separated host:port list. */
  @IsString()
  @IsNotEmpty()
  KAFKA_BROKERS!: string;

  /** Shared with the gateway: verifies the identity it passes with each request (see libs/auth). */
  @IsString()
  @MinLength(32)
  INTERNAL_AUTH_SECRET!: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: string = 'development';

  /**
   * /metrics answers requests bearing this token (`Authorization: Bearer …`), as Prometheus sends it;
   * without it, only requests from the machine itself.
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;

  /**
   * `all` (default, the one-machine run) serves the API and runs the durable jobs; in production the
   * API replicas are `api` and a separate deployment of the same image is the `worker` (see deploy/k8s).
   */
  @IsOptional()
  @IsIn(['all', 'api', 'worker'])
  SERVICE_ROLE: 'all' | 'api' | 'worker' = 'all';

  /** Where stored files live when no object storage is configured; default `.data/files/<service>` under the working directory. */
  @IsOptional()
  @IsString()
  FILES_DIR?: string;

  /** Fastify's trustProxy: which proxies' X-Forwarded-For decides the caller's address. None here; the gateway has TRUST_PROXY. */
  get trustProxy(): false | number | string[] {
    return false;
  }

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',')
      .map((b) => b.trim())
      .filter(Boolean);
  }
}

/**
 * Reads and validates the environment into `cls`. A missing or wrong variable throws a ConfigError
 * naming it, and the service refuses to start.
 */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const config = plainToInstance(cls, { ...env }, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ') || 'invalid'} (got ${JSON.stringify(env[e.property] ?? null)})`,
    );
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
