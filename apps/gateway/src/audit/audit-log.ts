import type { Identity } from '@app/auth';
import { requestContext } from '@app/service-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TARGET_NIP = /\/(?:employees|accounts)\/(\d{18})(?:[/?]|$)/;
const TARGET_UNIT = /\/(?:units|locations)\/([A-Z0-9][A-Z0-9._-]*)(?:[/?]|$)/;

/**
 * Records every mutating request that reached the gateway (who, role, method, path, target NIP or unit,
 * status, time, request id), whether it was served by the gateway or a service. Written after the
 * response so it never slows a request; a failed write is logged.
 */
export class AuditLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
  ) {}

  attach(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      if (MUTATING.has(request.method)) void this.record(request, reply.statusCode);
      done();
    });
  }

  private async record(request: FastifyRequest, status: number): Promise<void> {
    const identity = (request as FastifyRequest & { identity?: Identity }).identity;
    const path = request.url.split('?')[0];
    const bodyNip = path === '/api/v1/auth/login' ? ((request.body as { nip?: unknown } | undefined)?.nip ?? null) : null;
    try {
      await this.dataSource.query(
        `INSERT INTO audit_entry (actor_nip, actor_roles, method, path, target_nip, target_unit, status, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          identity?.nip ?? (typeof bodyNip === 'string' ? bodyNip.slice(0, 18) : null),
          identity?.roles ?? [],
          request.method,
          path.slice(0, 500),
          TARGET_NIP.exec(path)?.[1] ?? null,
          TARGET_UNIT.exec(path)?.[1] ?? null,
          status,
          requestContext.getStore()?.requestId ?? String(request.id),
        ],
      );
    } catch (error) {
      this.logger.error({ err: error, path }, 'audit entry could not be written');
    }
  }
}
