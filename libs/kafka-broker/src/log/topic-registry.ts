import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorCode } from '../protocol/error-codes';
import { PartitionLog, type RetentionPolicy } from './partition-log';

export interface TopicConfig {
  retentionMs?: number;
  retentionBytes?: number;
  segmentBytes?: number;
}

export interface Topic {
  name: string;
  partitions: PartitionLog[];
  config: TopicConfig;
}

export interface RegistryOptions {
  dataDir: string | null;
  defaults: Required<TopicConfig>;
  fsync: boolean;
  verifyCrc: boolean;
  maxBatchBytes: number;
  log: (message: string) => void;
  warn: (message: string) => void;
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
const TOPIC_META = 'topic.json';

export function isValidTopicName(name: string): boolean {
  return TOPIC_NAME.test(name) && name !== '.' && name !== '..';
}

/** Topic configs understood from CreateTopics; other Kafka configs are accepted and ignored. */
const CONFIG_KEYS: Record<string, keyof TopicConfig> = {
  'retention.ms': 'retentionMs',
  'retention.bytes': 'retentionBytes',
  'segment.bytes': 'segmentBytes',
};

export function parseTopicConfigs(entries: { name: string; value: string | null }[]): TopicConfig | null {
  const config: TopicConfig = {};
  for (const { name, value } of entries) {
    const key = CONFIG_KEYS[name];
    if (!key || value === null) continue;
    const n = Number(value);
    if (!Number.isInteger(n) || (key === 'segmentBytes' ? n < 1 : n < -1)) return null;
    config[key] = n;
  }
  return config;
}

/** The topics and their partition logs; with a data dir each topic is a folder that survives restarts. */
export class TopicRegistry {
  private readonly topics = new Map<string, Topic>();

  constructor(private readonly options: RegistryOptions) {
    if (options.dataDir) this.load(this.topicsRoot());
  }

  get(name: string): Topic | undefined {
    return this.topics.get(name);
  }

  partition(topic: string, partition: number): PartitionLog | undefined {
    return this.topics.get(topic)?.partitions[partition];
  }

  all(): Topic[] {
    return [...this.topics.values()];
  }

  create(name: string, partitionCount: number, config: TopicConfig): number {
    if (!isValidTopicName(name)) return ErrorCode.INVALID_TOPIC_EXCEPTION;
    if (this.topics.has(name)) return ErrorCode.TOPIC_ALREADY_EXISTS;
    if (!Number.isInteger(partitionCount) || partitionCount < 1) return ErrorCode.INVALID_PARTITIONS;
    const dir = this.topicDir(name);
    if (dir) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, TOPIC_META), JSON.stringify({ name, partitions: partitionCount, config }));
    }
    this.topics.set(name, this.openTopic(name, partitionCount, config));
    this.options.log(`created topic ${name} with ${partitionCount} partition(s)`);
    return ErrorCode.NONE;
  }

  delete(name: string): number {
    const topic = this.topics.get(name);
    if (!topic) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    this.topics.delete(name);
    for (const log of topic.partitions) {
      log.close();
      log.notifyAppend();
    }
    const dir = this.topicDir(name);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    this.options.log(`deleted topic ${name}`);
    return ErrorCode.NONE;
  }

  applyRetention(now: number): number {
    let deleted = 0;
    for (const topic of this.topics.values()) {
      const policy: RetentionPolicy = {
        retentionMs: topic.config.retentionMs ?? this.options.defaults.retentionMs,
        retentionBytes: topic.config.retentionBytes ?? this.options.defaults.retentionBytes,
      };
      for (const log of topic.partitions) deleted += log.applyRetention(policy, now);
    }
    return deleted;
  }

  close(): void {
    for (const topic of this.topics.values()) for (const log of topic.partitions) log.close();
    this.topics.clear();
  }

  private openTopic(name: string, partitionCount: number, config: TopicConfig): Topic {
    const dir = this.topicDir(name);
    const partitions = Array.from({ length: partitionCount }, (_, p) =>
      PartitionLog.open(name, p, {
        dir: dir ? path.join(dir, String(p)) : null,
        segmentBytes: config.segmentBytes ?? this.options.defaults.segmentBytes,
        fsync: this.options.fsync,
        verifyCrc: this.options.verifyCrc,
        maxBatchBytes: this.options.maxBatchBytes,
        warn: this.options.warn,
      }),
    );
    return { name, partitions, config };
  }

  private load(root: string): void {
    fs.mkdirSync(root, { recursive: true });
    for (const entry of fs.readdirSync(root)) {
      const metaFile = path.join(root, entry, TOPIC_META);
      if (!fs.existsSync(metaFile)) continue;
      try {
        const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as { name: string; partitions: number; config: TopicConfig };
        this.topics.set(meta.name, this.openTopic(meta.name, meta.partitions, meta.config ?? {}));
      } catch (error) {
        this.options.warn(`skipping topic folder ${entry}: ${(error as Error).message}`);
      }
    }
  }

  private topicsRoot(): string {
    return path.join(this.options.dataDir as string, 'topics');
  }

  private topicDir(name: string): string | null {
    return this.options.dataDir ? path.join(this.topicsRoot(), name) : null;
  }
}
