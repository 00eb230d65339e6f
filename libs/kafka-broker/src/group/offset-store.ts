import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CommittedOffset {
  offset: number;
  metadata: string | null;
  commitTimestamp: number;
}

type OffsetRecord = { g: string; t: string; p: number; o: number; m: string | null; ts: number } | { deleteTopic: string };

const LOG_FILE = 'consumer-offsets.log';
/** Rewrite the journal once it holds this many times more lines than live entries. */
const COMPACT_RATIO = 4;
const COMPACT_MIN_LINES = 10_000;

/**
 * Committed offsets per group. With a data dir each commit is appended to a JSON-lines journal
 * before it is acknowledged, and the journal is compacted on start and when it grows stale.
 */
export class OffsetStore {
  private readonly groups = new Map<string, Map<string, Map<number, CommittedOffset>>>();
  private fd: number | null = null;
  private journalLines = 0;
  private readonly file: string | null;

  constructor(dataDir: string | null) {
    this.file = dataDir ? path.join(dataDir, LOG_FILE) : null;
    if (this.file) {
      this.replay(this.file);
      this.compact();
    }
  }

  commit(group: string, topic: string, partition: number, offset: number, metadata: string | null, now: number): void {
    this.apply({ g: group, t: topic, p: partition, o: offset, m: metadata, ts: now });
    this.append({ g: group, t: topic, p: partition, o: offset, m: metadata, ts: now });
  }

  get(group: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.groups.get(group)?.get(topic)?.get(partition);
  }

  /** Every committed partition of a group, by topic. */
  forGroup(group: string): Map<string, Map<number, CommittedOffset>> {
    return this.groups.get(group) ?? new Map();
  }

  hasOffsets(group: string): boolean {
    return (this.groups.get(group)?.size ?? 0) > 0;
  }

  groupIds(): string[] {
    return [...this.groups.keys()];
  }

  deleteTopic(topic: string): void {
    this.apply({ deleteTopic: topic });
    this.append({ deleteTopic: topic });
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private apply(record: OffsetRecord): void {
    if ('deleteTopic' in record) {
      for (const [group, topics] of this.groups) {
        topics.delete(record.deleteTopic);
        if (topics.size === 0) this.groups.delete(group);
      }
      return;
    }
    let topics = this.groups.get(record.g);
    if (!topics) this.groups.set(record.g, (topics = new Map()));
    let partitions = topics.get(record.t);
    if (!partitions) topics.set(record.t, (partitions = new Map()));
    partitions.set(record.p, { offset: record.o, metadata: record.m, commitTimestamp: record.ts });
  }

  private append(record: OffsetRecord): void {
    if (this.fd === null) return;
    fs.writeSync(this.fd, JSON.stringify(record) + '\n');
    this.journalLines++;
    if (this.journalLines > COMPACT_MIN_LINES && this.journalLines > COMPACT_RATIO * this.liveEntries()) this.compact();
  }

  private replay(file: string): void {
    if (!fs.existsSync(file)) return;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      try {
        this.apply(JSON.parse(line) as OffsetRecord);
      } catch {
        // A line cut short by a crash was never acknowledged; everything before it was.
        break;
      }
    }
  }

  private compact(): void {
    const file = this.file as string;
    const tmp = `${file}.tmp`;
    const lines: string[] = [];
    for (const [g, topics] of this.groups) {
      for (const [t, partitions] of topics) {
        for (const [p, c] of partitions) lines.push(JSON.stringify({ g, t, p, o: c.offset, m: c.metadata, ts: c.commitTimestamp }));
      }
    }
    fs.writeFileSync(tmp, lines.length ? lines.join('\n') + '\n' : '');
    fs.renameSync(tmp, file);
    this.close();
    this.fd = fs.openSync(file, 'a');
    this.journalLines = lines.length;
  }

  private liveEntries(): number {
    let n = 0;
    for (const topics of this.groups.values()) for (const partitions of topics.values()) n += partitions.size;
    return n;
  }
}
