import type { DataSource } from 'typeorm';
import type { Message, Producer } from 'kafkajs';
import { cloudEventHeaders } from './cloud-event';
import type { KafkaConnection } from './kafka-connection';
import { listenToChannel, type PgListener } from './pg-listener';

export interface OutboxRelayOptions {
  /** Connection string for the LISTEN connection (the same database as the DataSource). */
  databaseUrl: string;
  batchSize?: number;
  /** Fallback polling when no notification arrives. */
  pollIntervalMs?: number;
  /**
   * After a notification, wait this long for more commits before draining, so a busy service
   * publishes in batches instead of one round of queries per event. Default 10 ms.
   */
  coalesceMs?: number;
  maxBackoffMs?: number;
  log: { info(message: string): void; warn(message: string): void };
}

export interface OutboxStatus {
  pending: number;
  oldestPendingAgeMs: number;
  publishedTotal: number;
  kafkaAvailable: boolean;
  lastError: string | null;
}

interface OutboxRow {
  id: string;
  event_id: string;
  topic: string;
  record_key: string;
  type: string;
  source: string;
  subject: string;
  time: Date;
  data: unknown;
  traceparent: string | null;
}

/** Only one relay per database publishes at a time, which keeps each key's events in commit order. */
const RELAY_LOCK = 0x5e1a7;

/**
 * Publishes the outbox to Kafka: wakes at once on a committed insert (LISTEN/NOTIFY), polls as a
 * fallback, sends in id order in batches, deletes what Kafka acknowledged, and backs off while Kafka
 * is unreachable without losing or reordering anything.
 */
export class OutboxRelay {
  private producer: Producer;
  private listener: PgListener | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failures = 0;
  private publishedTotal = 0;
  private lastError: string | null = null;
  private producerConnected = false;

  constructor(
    private readonly dataSource: DataSource,
    kafka: KafkaConnection,
    private readonly options: OutboxRelayOptions,
  ) {
    this.producer = kafka.producer();
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  /** Stops after publishing what is pending (bounded by `flushTimeoutMs`). */
  async stop(flushTimeoutMs = 5000): Promise<void> {
    if (!this.running) return;
    const deadline = Date.now() + flushTimeoutMs;
    const pending = () => this.pendingCount().catch(() => 0); // database gone: nothing more can be flushed
    while (Date.now() < deadline && this.lastError === null && (await pending()) > 0) await this.nudge();
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.close();
    this.listener = null;
    if (this.producerConnected) await this.producer.disconnect().catch(() => undefined);
    this.producerConnected = false;
  }

  async status(): Promise<OutboxStatus> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)) * 1000, 0)::float8 AS age FROM outbox_event`,
    )) as { pending: number; age: number }[];
    return {
      pending: row.pending,
      oldestPendingAgeMs: Math.round(row.age),
      publishedTotal: this.publishedTotal,
      kafkaAvailable: this.lastError === null && this.producerConnected,
      lastError: this.lastError,
    };
  }

  private async pendingCount(): Promise<number> {
    return (await this.status()).pending;
  }

  private async nudge(): Promise<void> {
    this.wake?.();
    await new Promise((r) => setTimeout(r, 20));
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.drainOnce();
        if (this.lastError) this.options.log.info('outbox relay: Kafka reachable again, publishing resumed');
        this.failures = 0;
        this.lastError = null;
      } catch (error) {
        this.failures++;
        const message = (error as Error).message;
        if (this.lastError === null) this.options.log.warn(`outbox relay: cannot publish (${message}); retrying with backoff`);
        this.lastError = message;
        this.producerConnected = false;
        await this.producer.disconnect().catch(() => undefined);
      }
      if (published > 0 && this.lastError === null) continue;
      const delay = this.lastError
        ? Math.min(this.options.maxBackoffMs ?? 10_000, 100 * 2 ** Math.min(this.failures, 10))
        : (this.options.pollIntervalMs ?? 1000);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /**
   * One batch in three round trips: take the lock and the rows (deleting them) in one statement,
   * send, commit. A failed send rolls the delete back, so nothing is lost.
   */
  private async drainOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // A structured result: for DELETE … RETURNING, TypeORM's plain query() returns [rows, count].
      const { records } = await manager.queryRunner!.query(
        `WITH relay AS (SELECT pg_try_advisory_xact_lock($1) AS locked)
         DELETE FROM outbox_event WHERE id IN (
           SELECT id FROM outbox_event, relay WHERE relay.locked ORDER BY id LIMIT $2)
         RETURNING id, event_id, topic, record_key, type, source, subject, time, data, traceparent`,
        [RELAY_LOCK, this.options.batchSize ?? 500],
        true,
      );
      const rows = records as OutboxRow[];
      if (rows.length === 0) return 0;
      rows.sort((a, b) => Number(a.id) - Number(b.id));
      if (!this.producerConnected) {
        await this.producer.connect();
        this.producerConnected = true;
      }
      const byTopic = new Map<string, Message[]>();
      for (const row of rows) {
        const headers = cloudEventHeaders({
          id: row.event_id,
          source: row.source,
          type: row.type,
          time: row.time.toISOString(),
          subject: row.subject,
          data: row.data,
          traceparent: row.traceparent ?? undefined,
        });
        const messages = byTopic.get(row.topic) ?? [];
        messages.push({ key: row.record_key, value: JSON.stringify(row.data), headers });
        byTopic.set(row.topic, messages);
      }
      await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
      this.publishedTotal += rows.length;
      return rows.length;
    });
  }

  private async listen(): Promise<void> {
    this.listener = await listenToChannel(this.options.databaseUrl, 'outbox_event', () => this.wake?.(), {
      coalesceMs: this.options.coalesceMs ?? 10,
      log: { warn: (message) => this.options.log.warn(`outbox relay: ${message}`) },
    });
  }
}
