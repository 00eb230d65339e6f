import { BatchIndex } from './batch-index';
import type { SegmentStorage } from './segment-storage';

export interface SegmentRead {
  chunks: Buffer[];
  size: number;
}

/** A run of consecutive batches, named by its first offset, deleted as a whole by retention. */
export class Segment {
  readonly index = new BatchIndex();
  bytes = 0;
  maxTimestamp = -1;
  private next: number;

  constructor(
    readonly baseOffset: number,
    private readonly storage: SegmentStorage,
  ) {
    this.next = baseOffset;
  }

  get nextOffset(): number {
    return this.next;
  }

  get isEmpty(): boolean {
    return this.index.length === 0;
  }

  /** Records a batch already in storage (recovery) or appends a new one. */
  add(batch: Buffer | null, baseOffset: number, lastOffset: number, maxTimestamp: number, size: number): void {
    if (batch) this.storage.append(batch);
    this.index.push(baseOffset, lastOffset, maxTimestamp, this.bytes, size);
    this.bytes += size;
    this.next = lastOffset + 1;
    if (maxTimestamp > this.maxTimestamp) this.maxTimestamp = maxTimestamp;
  }

  /**
   * Whole batches from the one holding `offset`, up to `maxBytes`. With `atLeastOne` the first batch
   * is returned even when it alone is larger (KIP-74), so a consumer never stalls on a big batch.
   */
  read(offset: number, maxBytes: number, atLeastOne: boolean): SegmentRead | null {
    const { index } = this;
    const from = index.firstEndingAtOrAfter(offset);
    if (from >= index.length) return null;
    let to = from;
    let size = 0;
    while (to < index.length && (size + index.sizes[to] <= maxBytes || (to === from && atLeastOne))) {
      size += index.sizes[to];
      to++;
    }
    if (to === from) return { chunks: [], size: 0 };
    return { chunks: this.storage.read(from, to, index.positions[from], size), size };
  }

  /** Base offset of the first batch whose max timestamp is at or after `timestamp`. */
  offsetForTimestamp(timestamp: number): number | null {
    if (this.maxTimestamp < timestamp) return null;
    for (let i = 0; i < this.index.length; i++) {
      if (this.index.maxTimestamps[i] >= timestamp) return this.index.baseOffsets[i];
    }
    return null;
  }

  close(): void {
    this.storage.close();
  }

  remove(): void {
    this.storage.remove();
  }
}
