import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { resolveOptions, type BrokerOptions, type ResolvedBrokerOptions } from './config';
import { GroupCoordinator } from './group/group-coordinator';
import { OffsetStore } from './group/offset-store';
import { createTopics, deleteTopics } from './handlers/admin-topics';
import { apiVersions } from './handlers/api-versions';
import { fetch } from './handlers/fetch';
import { findCoordinator } from './handlers/find-coordinator';
import { describeGroups, heartbeat, joinGroup, leaveGroup, listGroups, syncGroup } from './handlers/group-membership';
import type { BrokerState, Handler, RequestContext } from './handlers/handler';
import { initProducerId } from './handlers/init-producer-id';
import { listOffsets } from './handlers/list-offsets';
import { metadata } from './handlers/metadata';
import { offsetCommit, offsetFetch } from './handlers/offsets';
import { produce } from './handlers/produce';
import { TopicRegistry } from './log/topic-registry';
import { Connection } from './network/connection';
import { ApiKey, SUPPORTED_VERSIONS, usesFlexibleHeader } from './protocol/api-keys';
import { ProtocolError } from './protocol/protocol-error';
import { Reader } from './protocol/reader';

const HANDLERS = new Map<ApiKey, Handler>([
  [ApiKey.Produce, produce],
  [ApiKey.Fetch, fetch],
  [ApiKey.ListOffsets, listOffsets],
  [ApiKey.Metadata, metadata],
  [ApiKey.OffsetCommit, offsetCommit],
  [ApiKey.OffsetFetch, offsetFetch],
  [ApiKey.FindCoordinator, findCoordinator],
  [ApiKey.JoinGroup, joinGroup],
  [ApiKey.Heartbeat, heartbeat],
  [ApiKey.LeaveGroup, leaveGroup],
  [ApiKey.SyncGroup, syncGroup],
  [ApiKey.DescribeGroups, describeGroups],
  [ApiKey.ListGroups, listGroups],
  [ApiKey.ApiVersions, apiVersions],
  [ApiKey.CreateTopics, createTopics],
  [ApiKey.DeleteTopics, deleteTopics],
  [ApiKey.InitProducerId, initProducerId],
]);

export interface BrokerStats {
  connections: number;
  /** Largest per-connection backlog (unread requests plus unsent responses), in bytes. */
  maxConnectionBacklogBytes: number;
  topics: { name: string; partitions: { partition: number; logStartOffset: number; highWatermark: number; sizeBytes: number }[] }[];
}

/** A single-node broker speaking the Kafka wire protocol; see shared/reference/kafka-wire-broker.md. */
export class KafkaBroker implements BrokerState {
  readonly topics: TopicRegistry;
  readonly groups: GroupCoordinator;
  readonly offsets: OffsetStore;
  readonly clusterId: string;
  private readonly server: net.Server;
  private readonly connections = new Set<Connection>();
  private retentionTimer?: NodeJS.Timeout;
  private producerIds: number;
  private boundPort = 0;

  private constructor(readonly options: ResolvedBrokerOptions) {
    const { dataDir, logger } = options;
    if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
    this.clusterId = dataDir ? readOrCreateClusterId(dataDir) : randomUUID();
    this.topics = new TopicRegistry({
      dataDir,
      defaults: { retentionMs: options.retentionMs, retentionBytes: options.retentionBytes, segmentBytes: options.segmentBytes },
      fsync: options.fsync,
      verifyCrc: options.verifyCrc,
      maxBatchBytes: options.maxBatchBytes,
      log: (m) => logger.info(m),
      warn: (m) => logger.warn(m),
    });
    this.offsets = new OffsetStore(dataDir);
    this.groups = new GroupCoordinator({
      minSessionTimeoutMs: options.minSessionTimeoutMs,
      maxSessionTimeoutMs: options.maxSessionTimeoutMs,
      initialRebalanceDelayMs: options.initialRebalanceDelayMs,
      log: (m) => logger.info(m),
    });
    // Ids seeded from the clock stay unique across restarts, so a new producer never inherits the
    // sequence numbers that recovery rebuilt for an old one.
    this.producerIds = Date.now() * 1000;
    this.server = net.createServer((socket) => this.accept(socket));
  }

  static async start(options: BrokerOptions = {}): Promise<KafkaBroker> {
    const broker = new KafkaBroker(resolveOptions(options));
    await broker.listen();
    return broker;
  }

  get port(): number {
    return this.boundPort;
  }

  get host(): string {
    return this.options.advertisedHost;
  }

  /** `host:port` for a client's `brokers` list. */
  get address(): string {
    return `${this.options.advertisedHost}:${this.boundPort}`;
  }

  advertisedPort(): number {
    return this.boundPort;
  }

  nextProducerId(): number {
    return ++this.producerIds;
  }

  autoCreate(topic: string): number {
    return this.topics.create(topic, this.options.defaultPartitions, {});
  }

  /** Runs retention now (it also runs every retentionCheckIntervalMs); returns segments deleted. */
  enforceRetention(now = Date.now()): number {
    return this.topics.applyRetention(now);
  }

  stats(): BrokerStats {
    let maxBacklog = 0;
    for (const c of this.connections) maxBacklog = Math.max(maxBacklog, c.pendingBytes);
    return {
      connections: this.connections.size,
      maxConnectionBacklogBytes: maxBacklog,
      topics: this.topics.all().map((t) => ({
        name: t.name,
        partitions: t.partitions.map((log, partition) => ({
          partition,
          logStartOffset: log.logStartOffset,
          highWatermark: log.highWatermark,
          sizeBytes: log.sizeBytes,
        })),
      })),
    };
  }

  async stop(): Promise<void> {
    clearInterval(this.retentionTimer);
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const connection of this.connections) connection.close();
    await closed;
    this.groups.shutdown();
    this.topics.close();
    this.offsets.close();
  }

  private async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.boundPort = (this.server.address() as net.AddressInfo).port;
    this.retentionTimer = setInterval(() => this.enforceRetention(), this.options.retentionCheckIntervalMs).unref();
  }

  private accept(socket: net.Socket): void {
    const connection = new Connection(socket, {
      maxRequestBytes: this.options.maxRequestBytes,
      dispatch: (frame, conn) => this.dispatch(frame, conn),
      warn: (m) => this.options.logger.warn(m),
    });
    this.connections.add(connection);
    this.options.logger.info(`client connected from ${connection.remote}`);
    connection.onClose(() => {
      this.connections.delete(connection);
      this.options.logger.info(`client disconnected from ${connection.remote}`);
    });
  }

  private async dispatch(frame: Buffer, connection: Connection): Promise<Buffer[] | null> {
    const body = new Reader(frame);
    const apiKey = body.int16();
    const apiVersion = body.int16();
    const correlationId = body.int32();
    const clientId = body.nullableString() ?? '';
    const range = SUPPORTED_VERSIONS.get(apiKey);
    const handler = HANDLERS.get(apiKey);
    const tooNewApiVersions = apiKey === ApiKey.ApiVersions && range !== undefined && apiVersion > range.max;
    if (!tooNewApiVersions) {
      if (!range || !handler || apiVersion < range.min || apiVersion > range.max) {
        throw new ProtocolError(`unsupported API key ${apiKey} version ${apiVersion} from client '${clientId}'`);
      }
      if (usesFlexibleHeader(apiKey, apiVersion)) body.skipTaggedFields();
    }
    const ctx: RequestContext = {
      apiKey,
      apiVersion,
      correlationId,
      clientId,
      clientHost: connection.clientHost,
      body,
      onClose: (listener) => connection.onClose(listener),
    };
    const response = await (handler as Handler)(ctx, this);
    if (!response) return null;
    const header = Buffer.allocUnsafe(8);
    header.writeInt32BE(4 + response.length, 0);
    header.writeInt32BE(correlationId, 4);
    return [header, ...response.toChunks()];
  }
}

function readOrCreateClusterId(dataDir: string): string {
  const file = path.join(dataDir, 'cluster.json');
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { clusterId: string }).clusterId;
  } catch {
    const clusterId = randomUUID();
    fs.writeFileSync(file, JSON.stringify({ clusterId }));
    return clusterId;
  }
}
