import type { Identity } from '@app/auth';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { requestContext, SERVICE_LOGGER } from '@app/service-kit';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TARGET_NIP = /\/(?:employees|accounts)\/(\d{18})(?:[/?]|$)/;
const TARGET_UNIT = /\/(?:units|locations)\/([A-Z0-9][A-Z0-9._-]*)(?:[/?]|$)/;

type Entry = [string | null, string[], string, string, string | null, string | null, number, string];

/** One recorded request, as GET /audit answers it. */
export interface AuditEntry {
  id: string;
  actorNip: string | null;
  actorRoles: string[];
  method: string;
  path: string;
  targetNip: string | null;
  targetUnit: string | null;
  status: number;
  requestId: string;
  at: Date;
}

const COLUMNS = 8;
/** Entries per INSERT, and the longest an entry waits before it is written. */
const MAX_BATCH = 500;
const FLUSH_MS = 50;

/**
 * Records every mutating request that reached the gateway (who, role, method, path, target NIP or unit,
 * status, time, request id), whether it was served by the gateway or a service. Written after the
 * response so it never slows a request, and in batches: at the morning check-in rush one INSERT per
 * request would double the gateway's database load. A failed write is logged.
 */
@Injectable()
export class AuditLog {
  private pending: Entry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  attach(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      if (MUTATING.has(request.method)) this.add(request, reply.statusCode);
      done();
    });
    fastify.addHook('onClose', async () => this.flush());
  }

  /** Entries by or about a NIP, newest first; what this gateway has buffered is part of the answer. */
  async entries(q: { nip?: string; from?: string; to?: string; limit: number }): Promise<AuditEntry[]> {
    await this.flush();
    return this.dataSource.query(
      `SELECT id, actor_nip AS "actorNip", actor_roles AS "actorRoles", method, path, target_nip AS "targetNip",
              target_unit AS "targetUnit", status, request_id AS "requestId", at
       FROM audit_entry
       WHERE ($1::text IS NULL OR actor_nip = $1 OR target_nip = $1)
         AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at <= $3)
       ORDER BY at DESC, id DESC LIMIT $4`,
      [q.nip ?? null, q.from ?? null, q.to ?? null, q.limit],
    );
  }

  /** Writes what is buffered; resolves once it is stored (the audit API and tests read after this). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    this.writing = this.writing.then(() => (batch.length ? this.write(batch) : undefined));
    await this.writing;
  }

  private add(request: FastifyRequest, status: number): void {
    const identity = (request as FastifyRequest & { identity?: Identity }).identity;
    const path = request.url.split('?')[0];
    const bodyNip = path === '/api/v1/auth/login' ? ((request.body as { nip?: unknown } | undefined)?.nip ?? null) : null;
    this.pending.push([
      // A login names who tried only when it is a NIP: anything else a client typed stays out of the trail.
      identity?.nip ?? (typeof bodyNip === 'string' && /^\d{18}$/.test(bodyNip) ? bodyNip : null),
      identity?.roles ?? [],
      request.method,
      path.slice(0, 500),
      TARGET_NIP.exec(path)?.[1] ?? null,
      TARGET_UNIT.exec(path)?.[1] ?? null,
      status,
      requestContext.getStore()?.requestId ?? String(request.id),
    ]);
    if (this.pending.length >= MAX_BATCH) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  private async write(batch: Entry[]): Promise<void> {
    const tuples = batch.map((_, row) => `(${Array.from({ length: COLUMNS }, (_, c) => `$${row * COLUMNS + c + 1}`).join(', ')})`);
    try {
      await this.dataSource.query(
        `INSERT INTO audit_entry (actor_nip, actor_roles, method, path, target_nip, target_unit, status, request_id) VALUES ${tuples.join(', ')}`,
        batch.flat(),
      );
    } catch (error) {
      this.logger.error({ err: error, entries: batch.length }, 'audit entries could not be written');
    }
  }
}
