import { ProtocolError } from './protocol-error';

/**
 * Decodes Kafka's big-endian primitives from one request frame. Every read is bounds-checked, and
 * array/string lengths are checked against the bytes left, so a hostile length can never make the
 * broker allocate or loop beyond the size of the frame it already holds.
 */
export class Reader {
  constructor(
    private readonly buf: Buffer,
    private pos = 0,
  ) {}

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  private need(n: number): number {
    if (n < 0 || this.pos + n > this.buf.length) {
      throw new ProtocolError(`truncated request: need ${n} bytes at offset ${this.pos} of ${this.buf.length}`);
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  int8(): number {
    return this.buf.readInt8(this.need(1));
  }

  bool(): boolean {
    return this.int8() !== 0;
  }

  int16(): number {
    return this.buf.readInt16BE(this.need(2));
  }

  int32(): number {
    return this.buf.readInt32BE(this.need(4));
  }

  /** int64 as a JS number: offsets and timestamps stay far below 2^53. */
  int64(): number {
    return Number(this.buf.readBigInt64BE(this.need(8)));
  }

  uvarint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.buf.readUInt8(this.need(1));
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
      if (shift > 28) throw new ProtocolError('varint too long');
    }
  }

  nullableString(): string | null {
    const len = this.int16();
    if (len === -1) return null;
    if (len < 0) throw new ProtocolError(`invalid string length ${len}`);
    const at = this.need(len);
    return this.buf.toString('utf8', at, at + len);
  }

  string(): string {
    const value = this.nullableString();
    if (value === null) throw new ProtocolError('unexpected null string');
    return value;
  }

  /** Returns a view into the frame, not a copy; callers that keep the bytes must copy them. */
  nullableBytes(): Buffer | null {
    const len = this.int32();
    if (len === -1) return null;
    if (len < 0) throw new ProtocolError(`invalid bytes length ${len}`);
    const at = this.need(len);
    return this.buf.subarray(at, at + len);
  }

  bytes(): Buffer {
    return this.nullableBytes() ?? Buffer.alloc(0);
  }

  nullableArray<T>(readItem: (r: Reader) => T): T[] | null {
    const count = this.int32();
    if (count === -1) return null;
    return this.items(count, readItem);
  }

  array<T>(readItem: (r: Reader) => T): T[] {
    return this.nullableArray(readItem) ?? [];
  }

  compactString(): string {
    const len = this.uvarint() - 1;
    if (len < 0) throw new ProtocolError('unexpected null compact string');
    const at = this.need(len);
    return this.buf.toString('utf8', at, at + len);
  }

  compactArray<T>(readItem: (r: Reader) => T): T[] {
    const count = this.uvarint() - 1;
    return count < 0 ? [] : this.items(count, readItem);
  }

  skipTaggedFields(): void {
    const count = this.uvarint();
    if (count > this.remaining) throw new ProtocolError(`invalid tagged field count ${count}`);
    for (let i = 0; i < count; i++) {
      this.uvarint();
      this.need(this.uvarint());
    }
  }

  private items<T>(count: number, readItem: (r: Reader) => T): T[] {
    if (count < 0 || count > this.remaining) throw new ProtocolError(`invalid array length ${count}`);
    const out = new Array<T>(count);
    for (let i = 0; i < count; i++) out[i] = readItem(this);
    return out;
  }
}
