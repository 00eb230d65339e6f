import { isRole, type Identity } from '@app/auth';
import { listenToChannel, type PgListener } from '@app/messaging';
import { SERVICE_CONFIG, SERVICE_LOGGER } from '@app/service-kit';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { GatewayConfig } from '../gateway.config';
import type { AccessClaims } from '@app/auth';

/** How long a fresh lookup of a changed account is trusted. */
const LOOKUP_TTL_MS = 2_000;
/** Clocks of gateways and the database may differ a little: a change this close before a token still counts. */
const CLOCK_SLACK_MS = 5_000;
/** Fallback when a notification is missed. */
const POLL_MS = 2_000;

interface Row {
  nip: string;
  sid: string;
  name: string;
  unit_code: string;
  roles: string[];
  status: string;
  token_epoch: number;
  revoked_at: Date | null;
}

interface Waiting {
  claims: AccessClaims;
  resolve(identity: Identity | null): void;
  reject(error: Error): void;
}

/**
 * Whether an access token's session still stands, and who its holder is now. Logout, a password
 * change, a theft alarm, a role change and a termination each write an `account_change` row in the
 * transaction that makes them. Every gateway instance keeps the rows of the last access-token lifetime
 * in memory, reloaded at once on NOTIFY (and every two seconds besides), so:
 * - a token whose session ended is refused without a query;
 * - a token of an account that changed after it was issued is checked against the database (the
 *   account active, its epoch the token's, roles and unit read fresh, so a demotion applies at once);
 * - every other token, the morning rush's 36,000, costs nothing beyond its signature.
 */
@Injectable()
export class LiveSessions implements OnApplicationBootstrap, OnApplicationShutdown {
  private endedSessions = new Set<string>();
  private changedAccounts = new Map<string, number>();
  private readonly lookups = new Map<string, { identity: Identity | null; expires: number }>();
  private queue: Waiting[] = [];
  private listener: PgListener | null = null;
  private poller: NodeJS.Timeout | null = null;
  private reloading: Promise<void> | null = null;
  /** Bumped by settle(): a lookup that was in flight across a change may answer its callers but not be cached. */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    this.listener = await listenToChannel(this.config.DATABASE_URL, 'account_change', () => void this.reload().catch(() => undefined), {
      coalesceMs: 0,
      log: this.logger,
    });
    this.poller = setInterval(() => void this.reload().catch((error: Error) => this.logger.warn({ err: error }, 'account changes could not be read')), POLL_MS);
    this.poller.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    await this.listener?.close();
  }

  async identity(claims: AccessClaims): Promise<Identity | null> {
    if (this.endedSessions.has(claims.sessionId)) return null;
    const changedAt = this.changedAccounts.get(claims.nip);
    if (changedAt === undefined || changedAt < (claims.issuedAt ?? 0) - CLOCK_SLACK_MS) {
      return { nip: claims.nip, name: claims.name, roles: claims.roles, unitCode: claims.unitCode };
    }
    const key = `${claims.sessionId}|${claims.epoch}`;
    const cached = this.lookups.get(key);
    if (cached && cached.expires > Date.now()) return cached.identity;
    return new Promise((resolve, reject) => {
      this.queue.push({ claims, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => void this.lookUp());
    });
  }

  /**
   * Inside the transaction that changes what an account may do: the change is announced to every
   * gateway. Call `settle()` after the commit so this instance applies it before it answers.
   */
  async record(m: EntityManager, nip: string, sessionId: string | null = null): Promise<void> {
    await m.query('INSERT INTO account_change (nip, session_id) VALUES ($1, $2)', [nip, sessionId]);
  }

  /** After a recorded change committed: this instance knows it before the next request. */
  async settle(): Promise<void> {
    this.generation += 1;
    this.lookups.clear();
    // A reload already in flight may have read before the commit: wait for it, then read again. Any reload
    // running once it is done began after the commit, so joining that one is as good as a new one.
    await this.reloading?.catch(() => undefined);
    await this.reload();
  }

  /** The changes of the last access-token lifetime, read whole: a few rows, and no commit-order gaps to mind. */
  private reload(): Promise<void> {
    this.reloading ??= (async () => {
      try {
        const rows = (await this.dataSource.query(
          `SELECT nip, session_id, (extract(epoch FROM at) * 1000)::float8 AS at FROM account_change WHERE at > now() - $1::interval`,
          [`${this.config.ACCESS_TOKEN_TTL_SECONDS + 60} seconds`],
        )) as { nip: string; session_id: string | null; at: number }[];
        const ended = new Set<string>();
        const changed = new Map<string, number>();
        for (const row of rows) {
          if (row.session_id) ended.add(row.session_id);
          else changed.set(row.nip, Math.max(changed.get(row.nip) ?? 0, row.at));
        }
        this.endedSessions = ended;
        this.changedAccounts = changed;
      } finally {
        this.reloading = null;
      }
    })();
    return this.reloading;
  }

  /** Changed accounts, looked up together: the lookups that arrive in one turn of the event loop share a query. */
  private async lookUp(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const generation = this.generation;
    try {
      const rows = (await this.dataSource.query(
        `SELECT a.nip, s.id AS sid, a.name, a.unit_code, a.roles, a.status, a.token_epoch, s.revoked_at
         FROM unnest($1::text[], $2::uuid[]) AS q(nip, sid)
         JOIN auth_session s ON s.id = q.sid AND s.nip = q.nip JOIN account a ON a.nip = q.nip`,
        [batch.map((w) => w.claims.nip), batch.map((w) => w.claims.sessionId)],
      )) as Row[];
      const bySession = new Map(rows.map((r) => [r.sid, r]));
      if (this.lookups.size > 10_000) this.lookups.clear();
      for (const waiting of batch) {
        const identity = standing(bySession.get(waiting.claims.sessionId), waiting.claims);
        if (generation === this.generation)
          this.lookups.set(`${waiting.claims.sessionId}|${waiting.claims.epoch}`, { identity, expires: Date.now() + LOOKUP_TTL_MS });
        waiting.resolve(identity);
      }
    } catch (error) {
      for (const waiting of batch) waiting.reject(error as Error);
    }
  }
}

function standing(row: Row | undefined, claims: AccessClaims): Identity | null {
  if (!row || row.status !== 'ACTIVE' || row.revoked_at !== null || row.token_epoch !== claims.epoch) return null;
  const roles = row.roles.filter(isRole);
  return roles.length > 0 ? { nip: row.nip, name: row.name, roles, unitCode: row.unit_code } : null;
}
