import { crc32c } from './crc32c';
import { ErrorCode } from './error-codes';

/** Byte offsets inside a magic-2 record batch (reference §3). */
const BASE_OFFSET = 0;
const BATCH_LENGTH = 8;
const LEADER_EPOCH = 12;
const MAGIC = 16;
const CRC = 17;
const CRC_START = 21;
const LAST_OFFSET_DELTA = 23;
const MAX_TIMESTAMP = 35;
const PRODUCER_ID = 43;
const PRODUCER_EPOCH = 51;
const BASE_SEQUENCE = 53;
const RECORD_COUNT = 57;
export const BATCH_HEADER_SIZE = 61;
/** baseOffset + batchLength: the part of the header that precedes batchLength's own count. */
const LOG_OVERHEAD = 12;

export interface BatchHeader {
  size: number;
  lastOffsetDelta: number;
  maxTimestamp: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
}

export type BatchParseResult = { ok: true; header: BatchHeader } | { ok: false; errorCode: number; reason: string };

/** Reads and checks the header of the batch starting at `pos`. Records are never decompressed. */
export function parseBatchHeader(buf: Buffer, pos: number, verifyCrc: boolean): BatchParseResult {
  const left = buf.length - pos;
  if (left < BATCH_HEADER_SIZE) return corrupt(`batch header truncated (${left} bytes)`);
  const batchLength = buf.readInt32BE(pos + BATCH_LENGTH);
  const size = LOG_OVERHEAD + batchLength;
  if (batchLength < BATCH_HEADER_SIZE - LOG_OVERHEAD || size > left) {
    return corrupt(`batch length ${batchLength} does not fit the ${left} bytes left`);
  }
  const magic = buf.readInt8(pos + MAGIC);
  if (magic !== 2) {
    return magic >= 0 && magic < 2
      ? { ok: false, errorCode: ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT, reason: `magic ${magic} not supported` }
      : corrupt(`unknown magic ${magic}`);
  }
  if (verifyCrc && crc32c(buf, pos + CRC_START, pos + size) !== buf.readUInt32BE(pos + CRC)) {
    return corrupt('CRC-32C mismatch');
  }
  const lastOffsetDelta = buf.readInt32BE(pos + LAST_OFFSET_DELTA);
  const recordCount = buf.readInt32BE(pos + RECORD_COUNT);
  if (lastOffsetDelta < 0 || recordCount < 0) return corrupt('negative record count');
  return {
    ok: true,
    header: {
      size,
      lastOffsetDelta,
      maxTimestamp: Number(buf.readBigInt64BE(pos + MAX_TIMESTAMP)),
      producerId: Number(buf.readBigInt64BE(pos + PRODUCER_ID)),
      producerEpoch: buf.readInt16BE(pos + PRODUCER_EPOCH),
      baseSequence: buf.readInt32BE(pos + BASE_SEQUENCE),
      recordCount,
    },
  };
}

/** Assigns the batch its place in the log. Bytes 0–20 are outside the CRC, so the producer's CRC stays valid. */
export function stampBatch(batch: Buffer, baseOffset: number): void {
  batch.writeBigInt64BE(BigInt(baseOffset), BASE_OFFSET);
  batch.writeInt32BE(0, LEADER_EPOCH);
}

export function readBaseOffset(buf: Buffer, pos: number): number {
  return Number(buf.readBigInt64BE(pos + BASE_OFFSET));
}

function corrupt(reason: string): BatchParseResult {
  return { ok: false, errorCode: ErrorCode.CORRUPT_MESSAGE, reason };
}
