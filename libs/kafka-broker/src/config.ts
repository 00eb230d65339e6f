export interface BrokerLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface BrokerOptions {
  /** TCP port; 0 picks a free one and the advertised port is the bound one. Default 9092. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Host clients are told to connect to (Metadata, FindCoordinator). Default: `host`, or localhost for a wildcard. */
  advertisedHost?: string;
  /** Directory for segment files, offsets and topic metadata; omitted keeps everything in memory. */
  dataDir?: string | null;
  nodeId?: number;
  /** Partitions of auto-created topics and of CreateTopics with -1. Default 1. */
  defaultPartitions?: number;
  autoCreateTopics?: boolean;
  /** Default retention for topics without their own; -1 (the default) is unlimited. */
  retentionMs?: number;
  retentionBytes?: number;
  /** How often retention runs. Default 5 minutes, as Kafka's log.retention.check.interval.ms. */
  retentionCheckIntervalMs?: number;
  /** Size at which a partition's active segment is rolled. Default 64 MiB. */
  segmentBytes?: number;
  /** fsync every append; default false: flushing is left to the OS, as in Kafka. */
  fsync?: boolean;
  /** Largest request frame accepted; a larger size prefix closes the connection. Default 100 MiB. */
  maxRequestBytes?: number;
  /** Largest record batch accepted (Kafka's message.max.bytes). Default 1 MiB + overhead. */
  maxBatchBytes?: number;
  /** Checks each produced batch's CRC-32C. Default true. */
  verifyCrc?: boolean;
  minSessionTimeoutMs?: number;
  maxSessionTimeoutMs?: number;
  /** Kafka's group.initial.rebalance.delay.ms; 0 by default so one-machine runs start fast. */
  initialRebalanceDelayMs?: number;
  logger?: BrokerLogger;
}

export type ResolvedBrokerOptions = Required<Omit<BrokerOptions, 'dataDir' | 'advertisedHost'>> & {
  dataDir: string | null;
  advertisedHost: string;
};

const silentLogger: BrokerLogger = { info: () => undefined, warn: () => undefined };

export function resolveOptions(options: BrokerOptions = {}): ResolvedBrokerOptions {
  const host = options.host ?? '127.0.0.1';
  const resolved: ResolvedBrokerOptions = {
    port: options.port ?? 9092,
    host,
    advertisedHost: options.advertisedHost ?? (host === '0.0.0.0' || host === '::' ? 'localhost' : host),
    dataDir: options.dataDir ?? null,
    nodeId: options.nodeId ?? 1,
    defaultPartitions: options.defaultPartitions ?? 1,
    autoCreateTopics: options.autoCreateTopics ?? true,
    retentionMs: options.retentionMs ?? -1,
    retentionBytes: options.retentionBytes ?? -1,
    retentionCheckIntervalMs: options.retentionCheckIntervalMs ?? 300_000,
    segmentBytes: options.segmentBytes ?? 64 * 1024 * 1024,
    fsync: options.fsync ?? false,
    maxRequestBytes: options.maxRequestBytes ?? 100 * 1024 * 1024,
    maxBatchBytes: options.maxBatchBytes ?? 1024 * 1024 + 12,
    verifyCrc: options.verifyCrc ?? true,
    minSessionTimeoutMs: options.minSessionTimeoutMs ?? 6_000,
    maxSessionTimeoutMs: options.maxSessionTimeoutMs ?? 1_800_000,
    initialRebalanceDelayMs: options.initialRebalanceDelayMs ?? 0,
    logger: options.logger ?? silentLogger,
  };
  for (const key of ['port', 'defaultPartitions', 'segmentBytes', 'maxRequestBytes', 'maxBatchBytes'] as const) {
    const value = resolved[key];
    if (!Number.isInteger(value) || value < (key === 'port' ? 0 : 1)) {
      throw new RangeError(`broker option ${key} must be a ${key === 'port' ? 'non-negative' : 'positive'} integer, got ${value}`);
    }
  }
  return resolved;
}
