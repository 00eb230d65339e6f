import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PartitionLog, type LogOptions } from '../src/log/partition-log';
import { ErrorCode } from '../src/protocol/error-codes';
import { makeBatch } from './support/batches';

function options(dir: string | null, overrides: Partial<LogOptions> = {}): LogOptions {
  return { dir, segmentBytes: 1024, fsync: false, verifyCrc: true, maxBatchBytes: 1 << 20, warn: () => undefined, ...overrides };
}

describe('PartitionLog', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partition-log-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('assigns consecutive offsets and reads whole batches from any offset inside them', () => {
    const log = PartitionLog.open('t', 0, options(null));
    expect(log.append(makeBatch({ records: 3 })).baseOffset).toBe(0);
    expect(log.append(makeBatch({ records: 2 })).baseOffset).toBe(3);
    expect(log.highWatermark).toBe(5);
    const read = log.read(4, 1 << 20, true)!;
    expect(read.chunks).toHaveLength(1);
    expect(read.chunks[0].readBigInt64BE(0)).toBe(3n);
    expect(log.read(5, 1 << 20, true)).toEqual({ chunks: [], size: 0 });
    expect(log.read(6, 1 << 20, true)).toBeNull();
  });

  it('stores nothing from a partition whose second batch is corrupt', () => {
    const log = PartitionLog.open('t', 0, options(null));
    const bad = makeBatch();
    bad[70] ^= 0xff; // payload byte: the CRC no longer matches
    expect(log.append(Buffer.concat([makeBatch(), bad]))).toEqual({ errorCode: ErrorCode.CORRUPT_MESSAGE, baseOffset: -1 });
    expect(log.append(makeBatch().subarray(0, 40)).errorCode).toBe(ErrorCode.CORRUPT_MESSAGE);
    const oldMagic = makeBatch();
    oldMagic.writeInt8(1, 16);
    expect(log.append(oldMagic).errorCode).toBe(ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT);
    expect(log.highWatermark).toBe(0);
  });

  it('answers a retried idempotent batch with its first offset and refuses a sequence gap', () => {
    const log = PartitionLog.open('t', 0, options(null));
    const first = makeBatch({ producerId: 7, producerEpoch: 0, baseSequence: 0, records: 5 });
    expect(log.append(Buffer.from(first)).baseOffset).toBe(0);
    expect(log.append(Buffer.from(first)).baseOffset).toBe(0);
    expect(log.highWatermark).toBe(5);
    expect(log.append(makeBatch({ producerId: 7, producerEpoch: 0, baseSequence: 9 })).errorCode).toBe(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    expect(log.append(makeBatch({ producerId: 7, producerEpoch: 0, baseSequence: 5 })).baseOffset).toBe(5);
  });

  it('recovers from files, truncating a torn batch left by a crash', () => {
    const log = PartitionLog.open('t', 0, options(dir));
    for (let i = 0; i < 30; i++) log.append(makeBatch({ records: 2, payloadBytes: 100 }));
    log.close();
    const files = fs.readdirSync(dir).sort();
    expect(files.length).toBeGreaterThan(1); // 1 KiB segments rolled
    const last = path.join(dir, files[files.length - 1]);
    fs.appendFileSync(last, makeBatch({ payloadBytes: 100 }).subarray(0, 50));

    const warnings: string[] = [];
    const reopened = PartitionLog.open('t', 0, options(dir, { warn: (m) => warnings.push(m) }));
    expect(reopened.highWatermark).toBe(60);
    expect(warnings.join()).toMatch(/truncated torn tail/);
    expect(reopened.append(makeBatch()).baseOffset).toBe(60);
    const read = reopened.read(58, 1 << 20, true)!;
    expect(Buffer.concat(read.chunks).readBigInt64BE(0)).toBe(58n);
    reopened.close();
  });

  it('deletes whole segments past the size or age limit and raises the log start offset', () => {
    const log = PartitionLog.open('t', 0, options(dir));
    const old = Date.now() - 60_000;
    for (let i = 0; i < 20; i++) log.append(makeBatch({ payloadBytes: 200, timestamp: old }));
    const bytesBefore = log.sizeBytes;
    expect(log.applyRetention({ retentionMs: -1, retentionBytes: 1500 }, Date.now())).toBeGreaterThan(0);
    expect(log.sizeBytes).toBeLessThan(bytesBefore);
    expect(log.sizeBytes).toBeGreaterThanOrEqual(1500 - 1024);
    expect(log.logStartOffset).toBeGreaterThan(0);
    expect(log.read(0, 1 << 20, true)).toBeNull(); // now out of range

    log.applyRetention({ retentionMs: 30_000, retentionBytes: -1 }, Date.now());
    expect(log.logStartOffset).toBe(20);
    expect(log.highWatermark).toBe(20);
    expect(log.append(makeBatch()).baseOffset).toBe(20);
    log.close();
    expect(PartitionLog.open('t', 0, options(dir)).logStartOffset).toBe(20);
  });
});
