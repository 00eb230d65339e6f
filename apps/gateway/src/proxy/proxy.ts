import { IDENTITY_HEADER, signIdentity, type Identity } from '@app/auth';
import { DEFAULT_BODY_LIMIT_BYTES, errorBodyOf, requestContext, type ErrorBody } from '@app/service-kit';
import replyFrom from '@fastify/reply-from';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { SiapScope } from '@app/siap-read-model';
import type { DataSource } from 'typeorm';
import { identityFromBearer } from '../accounts/access.guard';
import type { AuthService } from '../accounts/auth.service';
import { siapEmployeeDenial } from './gateway-scope';

export interface ProxyOptions {
  /** Service name → base URL, e.g. siap → http://127.0.0.1:3001. */
  upstreams: Record<string, string>;
  auth: AuthService;
  internalSecret: string;
  timeoutMs: number;
  dataSource: DataSource;
  scope: SiapScope;
  logger: Logger;
  /** Each service's largest JSON body and text body (CSV imports), from its descriptor. */
  bodyLimits: Record<string, { json: number; text: number }>;
  /** Per-account limiter, run once the caller is known. */
  accountLimiter?: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
}

type ProxiedRequest = FastifyRequest<{ Params: { service: string } }> & { identity?: Identity };

function send(reply: FastifyReply, statusCode: number, error: string, message: string): FastifyReply {
  const body: ErrorBody = { statusCode, error, message, requestId: requestContext.getStore()?.requestId };
  return reply.code(statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
}

/**
 * `/api/v1/{service}/*` is forwarded unchanged to that service, bodies streamed both ways, with the
 * verified identity, request id and traceparent. A service that is down answers 502 and a slow one
 * 504, at once or within the timeout, and never affects the others.
 */
export async function registerProxy(fastify: FastifyInstance, options: ProxyOptions): Promise<void> {
  await fastify.register(async (instance) => {
    // This plugin's routes are Fastify's, not Nest's: their refusals get the platform's body here.
    instance.setErrorHandler((error, _request, reply) => {
      const body = errorBodyOf(error);
      if (body.statusCode >= 500) options.logger.error({ err: error }, 'proxy request failed');
      void reply.code(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
    });
    // Hand the unread body stream to reply-from, which pipes it to the service.
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    await instance.register(replyFrom, {
      // Its two log lines per request would go nowhere (Fastify's logger is off): not even built.
      disableRequestLogging: true,
      undici: {
        connections: 256,
        pipelining: 1,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        connectTimeout: Math.min(options.timeoutMs, 5000),
      },
    });

    const authenticate = async (request: ProxiedRequest, reply: FastifyReply) => {
      if (!options.upstreams[request.params.service]) return send(reply, 404, 'Not Found', `Layanan ${request.params.service} tidak dikenal`);
      const service = request.params.service;
      const limits = options.bodyLimits[service] ?? { json: DEFAULT_BODY_LIMIT_BYTES, text: 0 };
      const limit = String(request.headers['content-type'] ?? '').startsWith('text/') ? limits.text : limits.json;
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > limit) return send(reply, 413, 'Payload Too Large', `Isi permintaan terlalu besar (maksimal ${Math.floor(limit / 1024)} KiB)`);
      if (request.headers['transfer-encoding'] && !request.headers['content-length'] && request.method !== 'GET') {
        return send(reply, 411, 'Length Required', 'Sertakan Content-Length pada isi permintaan');
      }
      try {
        request.identity = await identityFromBearer(options.auth, request.headers.authorization);
      } catch (error) {
        return send(reply, 401, 'Unauthorized', (error as Error).message);
      }
      const denial = await siapEmployeeDenial(options.dataSource, options.scope, request.identity, request.method, request.url);
      if (denial) return send(reply, 403, 'Forbidden', denial);
    };

    // A signed identity is reused for half its 60 s lifetime, so services can cache their verification.
    const signed = new Map<string, { token: string; renewAt: number }>();
    const identityToken = async (identity: Identity): Promise<string> => {
      const key = `${identity.nip}|${identity.roles.join(',')}|${identity.unitCode}|${identity.name}`;
      const hit = signed.get(key);
      if (hit && hit.renewAt > Date.now()) return hit.token;
      const token = await signIdentity(identity, options.internalSecret, 60);
      if (signed.size >= 10_000) signed.clear();
      signed.set(key, { token, renewAt: Date.now() + 30_000 });
      return token;
    };

    const forward = async (request: ProxiedRequest, reply: FastifyReply) => {
      const token = await identityToken(request.identity!);
      const ctx = requestContext.getStore();
      return reply.from(`${options.upstreams[request.params.service]}${request.url}`, {
        // reply-from hands over its own copy of the client's headers: changed in place, not copied again.
        rewriteRequestHeaders: (_req, headers: Record<string, string | string[] | undefined>) => {
          headers[IDENTITY_HEADER] = token;
          delete headers.authorization;
          if (ctx) {
            headers['x-request-id'] = ctx.requestId;
            headers.traceparent = ctx.traceparent;
          }
          return headers;
        },
        onError: (errorReply, { error }) => {
          const code = (error as { code?: string }).code ?? '';
          const timedOut = /TIMEOUT/i.test(code) || error.name === 'GatewayTimeoutError' || (error as { statusCode?: number }).statusCode === 504;
          options.logger.warn({ service: request.params.service, code, err: error.message }, 'upstream request failed');
          if (timedOut) return void send(errorReply as FastifyReply, 504, 'Gateway Timeout', `Layanan ${request.params.service} tidak menjawab tepat waktu`);
          return void send(errorReply as FastifyReply, 502, 'Bad Gateway', `Layanan ${request.params.service} sedang tidak tersedia`);
        },
      });
    };

    const preHandler = options.accountLimiter ? [authenticate, options.accountLimiter] : [authenticate];
    for (const url of ['/api/v1/:service', '/api/v1/:service/*']) {
      instance.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'], url, preHandler: preHandler as never, handler: forward as never });
    }
  });
}
