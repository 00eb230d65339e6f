import { crc32c } from '../../src/protocol/crc32c';

export interface BatchSpec {
  records?: number;
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
  timestamp?: number;
  payloadBytes?: number;
}

/** A magic-2 record batch with a valid CRC. The broker never decodes records, so the payload is filler. */
export function makeBatch(spec: BatchSpec = {}): Buffer {
  const records = spec.records ?? 1;
  const timestamp = spec.timestamp ?? Date.now();
  const buf = Buffer.alloc(61 + (spec.payloadBytes ?? 16), 0x2a);
  buf.writeBigInt64BE(0n, 0);
  buf.writeInt32BE(buf.length - 12, 8);
  buf.writeInt32BE(0, 12);
  buf.writeInt8(2, 16);
  buf.writeInt16BE(0, 21);
  buf.writeInt32BE(records - 1, 23);
  buf.writeBigInt64BE(BigInt(timestamp), 27);
  buf.writeBigInt64BE(BigInt(timestamp), 35);
  buf.writeBigInt64BE(BigInt(spec.producerId ?? -1), 43);
  buf.writeInt16BE(spec.producerEpoch ?? -1, 51);
  buf.writeInt32BE(spec.baseSequence ?? -1, 53);
  buf.writeInt32BE(records, 57);
  buf.writeUInt32BE(crc32c(buf, 21), 17);
  return buf;
}
