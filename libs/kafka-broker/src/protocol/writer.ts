/**
 * Encodes a response body. Small fields go into a growing scratch buffer; large byte blobs (record
 * batches) are kept by reference as separate chunks so a Fetch response never copies stored records.
 */
export class Writer {
  private readonly chunks: Buffer[] = [];
  private scratch: Buffer;
  private pos = 0;
  private flushed = 0;

  constructor(initialSize = 256) {
    this.scratch = Buffer.allocUnsafe(initialSize);
  }

  get length(): number {
    return this.flushed + this.pos;
  }

  private ensure(n: number): number {
    if (this.pos + n > this.scratch.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.scratch.length * 2, this.pos + n));
      this.scratch.copy(grown, 0, 0, this.pos);
      this.scratch = grown;
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  int8(v: number): this {
    const at = this.ensure(1);
    this.scratch.writeInt8(v, at);
    return this;
  }

  bool(v: boolean): this {
    return this.int8(v ? 1 : 0);
  }

  int16(v: number): this {
    const at = this.ensure(2);
    this.scratch.writeInt16BE(v, at);
    return this;
  }

  int32(v: number): this {
    const at = this.ensure(4);
    this.scratch.writeInt32BE(v, at);
    return this;
  }

  int64(v: number | bigint): this {
    const at = this.ensure(8);
    this.scratch.writeBigInt64BE(BigInt(v), at);
    return this;
  }

  uvarint(v: number): this {
    let value = v;
    while (value >= 0x80) {
      const at = this.ensure(1);
      this.scratch.writeUInt8((value & 0x7f) | 0x80, at);
      value = Math.floor(value / 128);
    }
    const at = this.ensure(1);
    this.scratch.writeUInt8(value, at);
    return this;
  }

  nullableString(v: string | null | undefined): this {
    if (v === null || v === undefined) return this.int16(-1);
    const len = Buffer.byteLength(v);
    this.int16(len);
    const at = this.ensure(len);
    this.scratch.write(v, at, len, 'utf8');
    return this;
  }

  string(v: string): this {
    return this.nullableString(v);
  }

  compactString(v: string): this {
    const len = Buffer.byteLength(v);
    this.uvarint(len + 1);
    const at = this.ensure(len);
    this.scratch.write(v, at, len, 'utf8');
    return this;
  }

  emptyTaggedFields(): this {
    return this.uvarint(0);
  }

  nullableBytes(v: Buffer | null | undefined): this {
    if (v === null || v === undefined) return this.int32(-1);
    this.int32(v.length);
    return this.raw(v);
  }

  bytes(v: Buffer): this {
    return this.nullableBytes(v);
  }

  /** Length-prefixed bytes made of several stored chunks, written without concatenating them. */
  bytesFromChunks(chunks: readonly Buffer[], totalLength: number): this {
    this.int32(totalLength);
    for (const chunk of chunks) this.raw(chunk);
    return this;
  }

  array<T>(items: readonly T[] | null | undefined, writeItem: (w: this, item: T) => void): this {
    if (items === null || items === undefined) return this.int32(-1);
    this.int32(items.length);
    for (const item of items) writeItem(this, item);
    return this;
  }

  compactArray<T>(items: readonly T[], writeItem: (w: this, item: T) => void): this {
    this.uvarint(items.length + 1);
    for (const item of items) writeItem(this, item);
    return this;
  }

  raw(buf: Buffer): this {
    if (buf.length >= 1024) {
      this.flushScratch();
      this.chunks.push(buf);
      this.flushed += buf.length;
    } else {
      const at = this.ensure(buf.length);
      buf.copy(this.scratch, at);
    }
    return this;
  }

  private flushScratch(): void {
    if (this.pos === 0) return;
    this.chunks.push(this.scratch.subarray(0, this.pos));
    this.flushed += this.pos;
    this.scratch = this.scratch.subarray(this.pos);
    if (this.scratch.length < 64) this.scratch = Buffer.allocUnsafe(256);
    this.pos = 0;
  }

  toChunks(): Buffer[] {
    this.flushScratch();
    return this.chunks;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.toChunks(), this.length);
  }
}
