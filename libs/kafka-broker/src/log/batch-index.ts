/**
 * Per-segment index of stored batches, kept in growable typed arrays: a few numbers per batch, so a
 * log of millions of single-record batches costs tens of megabytes, not an object per batch.
 */
export class BatchIndex {
  length = 0;
  private capacity = 64;
  baseOffsets = new Float64Array(this.capacity);
  lastOffsets = new Float64Array(this.capacity);
  maxTimestamps = new Float64Array(this.capacity);
  positions = new Float64Array(this.capacity);
  sizes = new Float64Array(this.capacity);

  push(baseOffset: number, lastOffset: number, maxTimestamp: number, position: number, size: number): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.baseOffsets[i] = baseOffset;
    this.lastOffsets[i] = lastOffset;
    this.maxTimestamps[i] = maxTimestamp;
    this.positions[i] = position;
    this.sizes[i] = size;
  }

  /** The first batch whose last offset is at or past `offset`; `length` when there is none. */
  firstEndingAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lastOffsets[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private grow(): void {
    this.capacity *= 2;
    const grow = (a: Float64Array): Float64Array<ArrayBuffer> => {
      const next = new Float64Array(this.capacity);
      next.set(a);
      return next;
    };
    this.baseOffsets = grow(this.baseOffsets);
    this.lastOffsets = grow(this.lastOffsets);
    this.maxTimestamps = grow(this.maxTimestamps);
    this.positions = grow(this.positions);
    this.sizes = grow(this.sizes);
  }
}
