import { crc32c } from '../src/protocol/crc32c';
import { ProtocolError } from '../src/protocol/protocol-error';
import { Reader } from '../src/protocol/reader';
import { Writer } from '../src/protocol/writer';

describe('wire primitives', () => {
  it('computes CRC-32C check values', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(32, 0))).toBe(0x8a9136aa);
    expect(crc32c(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
  });

  it('gives the same CRC-32C at every alignment and sub-range as a byte-at-a-time reference', () => {
    const reference = (buf: Buffer) => {
      let crc = 0xffffffff;
      for (const byte of buf) {
        crc ^= byte;
        for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
      }
      return (crc ^ 0xffffffff) >>> 0;
    };
    const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 131 + 7) & 0xff));
    for (const [start, end] of [
      [0, 1000],
      [1, 999],
      [2, 37],
      [3, 3],
      [5, 6],
      [7, 520],
    ]) {
      expect(crc32c(data, start, end)).toBe(reference(data.subarray(start, end)));
      expect(crc32c(data.subarray(start, end))).toBe(reference(data.subarray(start, end)));
    }
  });

  it('round-trips every field type through Writer and Reader', () => {
    const big = Buffer.alloc(5000, 7);
    const w = new Writer(8)
      .int8(-3)
      .bool(true)
      .int16(-300)
      .int32(123456789)
      .int64(2 ** 40 + 5)
      .uvarint(300)
      .string('ASN Sulteng')
      .nullableString(null)
      .compactString('héllo')
      .bytes(Buffer.from([1, 2, 3]))
      .nullableBytes(null)
      .bytes(big)
      .array([1, 2, 3], (o, n) => o.int32(n))
      .array(null, (o, n: number) => o.int32(n));
    const r = new Reader(w.toBuffer());
    expect(r.int8()).toBe(-3);
    expect(r.bool()).toBe(true);
    expect(r.int16()).toBe(-300);
    expect(r.int32()).toBe(123456789);
    expect(r.int64()).toBe(2 ** 40 + 5);
    expect(r.uvarint()).toBe(300);
    expect(r.string()).toBe('ASN Sulteng');
    expect(r.nullableString()).toBeNull();
    expect(r.compactString()).toBe('héllo');
    expect([...r.bytes()]).toEqual([1, 2, 3]);
    expect(r.nullableBytes()).toBeNull();
    expect(r.bytes().equals(big)).toBe(true);
    expect(r.array((x) => x.int32())).toEqual([1, 2, 3]);
    expect(r.nullableArray((x) => x.int32())).toBeNull();
    expect(r.remaining).toBe(0);
  });

  it('rejects truncated input and lengths larger than the frame', () => {
    expect(() => new Reader(Buffer.from([0, 1])).int32()).toThrow(ProtocolError);
    expect(() => new Reader(Buffer.from([0, 5, 65])).string()).toThrow(ProtocolError);
    // An array claiming two billion elements in a 4-byte frame must fail before allocating anything.
    expect(() => new Reader(Buffer.from([0x7f, 0xff, 0xff, 0xff])).array((x) => x.int8())).toThrow(ProtocolError);
    expect(() => new Reader(Buffer.from([0, 0, 0, 9, 1])).bytes()).toThrow(ProtocolError);
  });
});
