import type { Identity } from '@app/auth';
import { requestContext, type ErrorBody } from '@app/service-kit';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { SiapScope } from '@app/siap-read-model';
import { AuthService } from '../accounts/auth.service';
import { AuditLog } from '../audit/audit-log';
import type { GatewayConfig } from '../gateway.config';
import { AccountLimiter } from './account-limiter';
import { registerPlatformDocs } from './platform-docs';
import { registerProxy } from './proxy';

/** Rate limits, audit and the proxy: the gateway's wiring on the Fastify instance. */
export async function wireGateway(app: NestFastifyApplication, config: GatewayConfig, logger: Logger): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const dataSource = app.get(DataSource);
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 1 }) : undefined;
  if (redis) fastify.addHook('onClose', async () => void redis.disconnect());
  const tooMany = (_request: FastifyRequest, context: { ttl: number }): ErrorBody => ({
    statusCode: 429,
    error: 'Too Many Requests',
    message: `Terlalu banyak permintaan; coba lagi dalam ${Math.max(1, Math.ceil(context.ttl / 1000))} detik`,
    requestId: requestContext.getStore()?.requestId,
  });
  await fastify.register(rateLimit, {
    global: true,
    max: config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
    timeWindow: 60_000,
    redis,
    nameSpace: 'asn-rl-addr-',
    keyGenerator: (request) => request.ip,
    // Orchestrators probe health every few seconds from few addresses, and the portal's static files are cheap,
    // cached for a year and fetched ~10 at a time by every phone behind one office NAT: only the API is limited.
    allowList: (request) => !request.url.startsWith('/api/'),
    errorResponseBuilder: tooMany,
  });
  const accounts = new AccountLimiter(config.RATE_LIMIT_PER_ACCOUNT_PER_MINUTE, redis);
  const accountLimiter = async (request: FastifyRequest, reply: FastifyReply) => {
    const wait = await accounts.take((request as FastifyRequest & { identity?: Identity }).identity?.nip ?? request.ip);
    if (wait > 0) {
      void reply
        .code(429)
        .header('retry-after', String(wait))
        .send(tooMany(request, { ttl: wait * 1000 }));
      return reply;
    }
  };
  app.get(AuditLog).attach(fastify);
  registerPlatformDocs(fastify, config.upstreams, logger);
  await registerProxy(fastify, {
    upstreams: config.upstreams,
    auth: app.get(AuthService),
    internalSecret: config.INTERNAL_AUTH_SECRET,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    bodyLimits: config.bodyLimits,
    dataSource,
    scope: app.get(SiapScope),
    logger,
    accountLimiter,
  });
}
