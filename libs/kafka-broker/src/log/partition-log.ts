import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorCode } from '../protocol/error-codes';
import { parseBatchHeader, readBaseOffset, stampBatch, type BatchHeader } from '../protocol/record-batch';
import { ProducerStateTable } from './producer-state';
import { Segment, type SegmentRead } from './segment';
import { FileSegmentStorage, MemorySegmentStorage } from './segment-storage';

export interface LogOptions {
  /** Directory for segment files; null keeps the log in memory. */
  dir: string | null;
  segmentBytes: number;
  fsync: boolean;
  verifyCrc: boolean;
  maxBatchBytes: number;
  warn: (message: string) => void;
}

export interface RetentionPolicy {
  retentionMs: number;
  retentionBytes: number;
}

export interface AppendResult {
  errorCode: number;
  baseOffset: number;
}

const SEGMENT_SUFFIX = '.log';

function segmentFileName(baseOffset: number): string {
  return `${String(baseOffset).padStart(20, '0')}${SEGMENT_SUFFIX}`;
}

/**
 * One partition's log: segments of stamped record batches, the high watermark (there is no
 * replication, so HW = LSO = next offset) and the log start offset that retention raises.
 */
export class PartitionLog {
  private readonly segments: Segment[] = [];
  private readonly producers = new ProducerStateTable();
  private readonly appendListeners = new Set<() => void>();
  private totalBytes = 0;

  private constructor(
    readonly topic: string,
    readonly partition: number,
    private readonly options: LogOptions,
  ) {}

  static open(topic: string, partition: number, options: LogOptions): PartitionLog {
    const log = new PartitionLog(topic, partition, options);
    if (options.dir) {
      fs.mkdirSync(options.dir, { recursive: true });
      log.recover(options.dir);
    }
    if (log.segments.length === 0) log.roll(0);
    return log;
  }

  get logStartOffset(): number {
    return this.segments[0].baseOffset;
  }

  get highWatermark(): number {
    return this.active.nextOffset;
  }

  get sizeBytes(): number {
    return this.totalBytes;
  }

  private get active(): Segment {
    return this.segments[this.segments.length - 1];
  }

  /**
   * Validates every batch of a Produce partition first, then stamps and stores them, so a partition is
   * either written whole or not at all.
   */
  append(records: Buffer | null): AppendResult {
    if (!records || records.length === 0) return { errorCode: ErrorCode.NONE, baseOffset: this.highWatermark };
    const headers: { pos: number; header: BatchHeader }[] = [];
    for (let pos = 0; pos < records.length;) {
      const parsed = parseBatchHeader(records, pos, this.options.verifyCrc);
      if (!parsed.ok) return { errorCode: parsed.errorCode, baseOffset: -1 };
      if (parsed.header.size > this.options.maxBatchBytes) return { errorCode: ErrorCode.MESSAGE_TOO_LARGE, baseOffset: -1 };
      headers.push({ pos, header: parsed.header });
      pos += parsed.header.size;
    }
    // In memory the batch must outlive the request frame it arrived in; a file write needs no copy.
    const source = this.options.dir ? records : Buffer.from(records);
    let firstOffset = -1;
    for (const { pos, header } of headers) {
      const check = this.producers.check(header.producerId, header.producerEpoch, header.baseSequence);
      if (check.kind === 'error') return { errorCode: check.errorCode, baseOffset: -1 };
      const baseOffset = check.kind === 'duplicate' ? check.baseOffset : this.store(source.subarray(pos, pos + header.size), header);
      if (firstOffset < 0) firstOffset = baseOffset;
    }
    this.notifyAppend();
    return { errorCode: ErrorCode.NONE, baseOffset: firstOffset };
  }

  private store(batch: Buffer, header: BatchHeader): number {
    if (!this.active.isEmpty && this.active.bytes + header.size > this.options.segmentBytes) {
      this.roll(this.highWatermark);
    }
    const baseOffset = this.highWatermark;
    stampBatch(batch, baseOffset);
    this.active.add(batch, baseOffset, baseOffset + header.lastOffsetDelta, header.maxTimestamp, header.size);
    this.totalBytes += header.size;
    this.producers.record(header.producerId, header.producerEpoch, header.baseSequence, header.recordCount, baseOffset);
    return baseOffset;
  }

  /** Whole batches from `offset` up to `maxBytes`; null when `offset` is out of range. */
  read(offset: number, maxBytes: number, atLeastOne: boolean): SegmentRead | null {
    if (offset < this.logStartOffset || offset > this.highWatermark) return null;
    if (offset === this.highWatermark) return { chunks: [], size: 0 };
    for (let i = this.segmentIndexFor(offset); i < this.segments.length; i++) {
      const result = this.segments[i].read(offset, maxBytes, atLeastOne);
      if (result) return result;
    }
    return { chunks: [], size: 0 };
  }

  offsetForTimestamp(timestamp: number): number {
    for (const segment of this.segments) {
      const offset = segment.offsetForTimestamp(timestamp);
      if (offset !== null) return Math.max(offset, this.logStartOffset);
    }
    return this.highWatermark;
  }

  /** Deletes whole segments past the size or age limit (Kafka's rule); returns how many went. */
  applyRetention(policy: RetentionPolicy, now: number): number {
    let deleted = 0;
    while (this.segments.length > 0) {
      const oldest = this.segments[0];
      const overSize = policy.retentionBytes >= 0 && this.totalBytes - oldest.bytes >= policy.retentionBytes;
      const tooOld = policy.retentionMs >= 0 && !oldest.isEmpty && oldest.maxTimestamp < now - policy.retentionMs;
      if (oldest.isEmpty || !(overSize || tooOld)) break;
      if (oldest === this.active) this.roll(this.highWatermark);
      this.segments.shift();
      this.totalBytes -= oldest.bytes;
      oldest.remove();
      deleted++;
    }
    return deleted;
  }

  onAppend(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  /** Wakes long-polling fetches, e.g. when the topic is deleted under them. */
  notifyAppend(): void {
    for (const listener of [...this.appendListeners]) listener();
  }

  close(): void {
    for (const segment of this.segments) segment.close();
  }

  private segmentIndexFor(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.segments[mid].baseOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private roll(baseOffset: number): void {
    const storage = this.options.dir
      ? new FileSegmentStorage(path.join(this.options.dir, segmentFileName(baseOffset)), 0, this.options.fsync)
      : new MemorySegmentStorage();
    this.segments.push(new Segment(baseOffset, storage));
  }

  /**
   * Rebuilds the index from the segment files. A batch cut short by a crash (or failing its CRC) ends
   * the log there: the file is truncated and later segments are dropped, as Kafka's recovery does.
   */
  private recover(dir: string): void {
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(SEGMENT_SUFFIX))
      .map((f) => ({ file: path.join(dir, f), baseOffset: Number(f.slice(0, -SEGMENT_SUFFIX.length)) }))
      .filter((f) => Number.isSafeInteger(f.baseOffset))
      .sort((a, b) => a.baseOffset - b.baseOffset);
    let expected = files.length > 0 ? files[0].baseOffset : 0;
    for (let i = 0; i < files.length; i++) {
      const { file, baseOffset } = files[i];
      if (baseOffset !== expected) {
        this.dropFrom(files.slice(i), `segment ${file} starts at ${baseOffset}, expected ${expected}`);
        return;
      }
      const data = fs.readFileSync(file);
      const found: { base: number; last: number; maxTimestamp: number; size: number }[] = [];
      let pos = 0;
      while (pos < data.length) {
        const parsed = parseBatchHeader(data, pos, true);
        if (!parsed.ok || readBaseOffset(data, pos) !== expected) break;
        const { header } = parsed;
        found.push({ base: expected, last: expected + header.lastOffsetDelta, maxTimestamp: header.maxTimestamp, size: header.size });
        this.producers.record(header.producerId, header.producerEpoch, header.baseSequence, header.recordCount, expected);
        expected += header.lastOffsetDelta + 1;
        pos += header.size;
      }
      const torn = pos < data.length;
      if (torn) fs.truncateSync(file, pos);
      const segment = new Segment(baseOffset, new FileSegmentStorage(file, pos, this.options.fsync));
      for (const b of found) segment.add(null, b.base, b.last, b.maxTimestamp, b.size);
      this.segments.push(segment);
      this.totalBytes += segment.bytes;
      if (torn) {
        this.options.warn(`${this.topic}-${this.partition}: truncated torn tail of ${file} at byte ${pos} of ${data.length}`);
        this.dropFrom(files.slice(i + 1), 'after a truncated segment');
        return;
      }
    }
  }

  private dropFrom(files: { file: string }[], reason: string): void {
    for (const { file } of files) {
      this.options.warn(`${this.topic}-${this.partition}: removing ${file} (${reason})`);
      fs.rmSync(file, { force: true });
    }
  }
}
