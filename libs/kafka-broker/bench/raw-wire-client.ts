/**
 * A minimal wire client for the broker benchmark's calibration: pre-encoded Produce v7 and Fetch v4
 * requests over plain sockets, pipelined. It leaves out everything a client library spends (encoding
 * records, decoding them, its own garbage), so against the same broker in the same run it gives the
 * floor this machine allows for the same messages, and the kafkajs figures are printed as ratios to it.
 */
import * as net from 'node:net';
import { ApiKey } from '../src/protocol/api-keys';
import { crc32c } from '../src/protocol/crc32c';
import { Reader } from '../src/protocol/reader';
import { Writer } from '../src/protocol/writer';

/** What kafkajs adds around each value in a record (length, attributes, deltas, a short key, headers count). */
const RECORD_OVERHEAD = 12;

/** One socket with requests pipelined on it; answers come back in request order, as Kafka guarantees. */
class RawConnection {
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  private readonly waiting: ((body: Buffer) => void)[] = [];
  private correlationId = 0;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
  }

  static async open(host: string, port: number): Promise<RawConnection> {
    const socket = net.connect(port, host);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new RawConnection(socket);
  }

  /** Sends a request whose header and body `encode` writes after the correlation id; resolves with the response body. */
  request(apiKey: number, version: number, encode: (w: Writer) => void): Promise<Buffer> {
    return this.send(frame(apiKey, version, this.correlationId++, encode));
  }

  /** Sends an already encoded frame (correlation ids are not checked: answers are matched by order). */
  send(frameBytes: Buffer): Promise<Buffer> {
    const answered = new Promise<Buffer>((resolve) => this.waiting.push(resolve));
    this.socket.write(frameBytes);
    return answered;
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (this.buffered >= 4) {
      const head = this.chunks[0].length >= 4 ? this.chunks[0] : this.join();
      const size = head.readInt32BE(0);
      if (this.buffered < 4 + size) return;
      const all = this.join();
      const body = all.subarray(8, 4 + size); // after the size and the correlation id
      const rest = all.subarray(4 + size);
      this.chunks.length = 0;
      this.buffered = rest.length;
      if (rest.length) this.chunks.push(rest);
      this.waiting.shift()!(body);
    }
  }

  private join(): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    this.chunks.length = 0;
    this.chunks.push(all);
    return all;
  }
}

function frame(apiKey: number, version: number, correlationId: number, encode: (w: Writer) => void): Buffer {
  const w = new Writer().int16(apiKey).int16(version).int32(correlationId).string('bench-raw');
  encode(w);
  const body = w.toBuffer();
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

/** A magic-2 record batch of `records` records with a valid CRC; the broker never decodes records, so the payload is filler. */
function recordBatch(records: number, messageBytes: number): Buffer {
  const buf = Buffer.alloc(61 + records * (messageBytes + RECORD_OVERHEAD), 0x2a);
  const now = BigInt(Date.now());
  buf.writeBigInt64BE(0n, 0); // base offset, stamped by the broker
  buf.writeInt32BE(buf.length - 12, 8); // batch length
  buf.writeInt32BE(0, 12); // partition leader epoch
  buf.writeInt8(2, 16); // magic
  buf.writeInt16BE(0, 21); // attributes: no compression
  buf.writeInt32BE(records - 1, 23); // last offset delta
  buf.writeBigInt64BE(now, 27);
  buf.writeBigInt64BE(now, 35);
  buf.writeBigInt64BE(-1n, 43); // producer id: not idempotent, as the benchmark's kafkajs producers
  buf.writeInt16BE(-1, 51);
  buf.writeInt32BE(-1, 53);
  buf.writeInt32BE(records, 57);
  buf.writeUInt32BE(crc32c(buf, 21), 17);
  return buf;
}

/** A Produce v7 request, acks -1, of one batch per partition (`recordsPerPartition[p]` records each). */
function produceFrame(topic: string, recordsPerPartition: number[], messageBytes: number): Buffer {
  const partitions = recordsPerPartition.map((records, index) => ({ index, records })).filter((p) => p.records > 0);
  return frame(ApiKey.Produce, 7, 0, (w) =>
    w
      .nullableString(null)
      .int16(-1)
      .int32(30_000)
      .array([topic], (t, name) => t.string(name).array(partitions, (pw, p) => pw.int32(p.index).bytes(recordBatch(p.records, messageBytes)))),
  );
}

/** Throws unless every partition of a Produce v7 answer has error code 0. */
function checkProduced(body: Buffer): void {
  const r = new Reader(body);
  r.array((t) => {
    const topic = t.string();
    t.array((p) => {
      const partition = p.int32();
      const errorCode = p.int16();
      p.int64();
      p.int64();
      p.int64();
      if (errorCode !== 0) throw new Error(`raw produce to ${topic}/${partition}: error ${errorCode}`);
    });
  });
}

/**
 * Single-message produce latency: one request at a time over one socket, after 500 to warm up.
 * Returns sorted latencies in ms.
 */
export async function rawProduceLatency(host: string, port: number, topic: string, samples: number, messageBytes: number): Promise<number[]> {
  const connection = await RawConnection.open(host, port);
  const request = produceFrame(topic, [1], messageBytes);
  const timings: number[] = [];
  for (let i = 0; i < samples + 500; i++) {
    const t0 = performance.now();
    await connection.send(request);
    if (i >= 500) timings.push(performance.now() - t0);
  }
  connection.close();
  return timings.sort((a, b) => a - b);
}

/**
 * Produce throughput in the shape of the benchmark's kafkajs producers: `connections` sockets (one per
 * producer), each with `inFlight` requests outstanding, each request `batch` messages of
 * `messageBytes` spread over the topic's `partitions` as kafkajs's partitioner spreads keyed messages.
 * Returns the wall time in ms for `messages` messages.
 */
export async function rawProduceThroughput(
  host: string,
  port: number,
  options: { topic: string; partitions: number; connections: number; inFlight: number; messages: number; batch: number; messageBytes: number },
): Promise<number> {
  const { partitions, batch } = options;
  const spread = Array.from({ length: partitions }, (_, p) => Math.floor(batch / partitions) + (p < batch % partitions ? 1 : 0));
  const request = produceFrame(options.topic, spread, options.messageBytes);
  const share = Math.ceil(options.messages / options.connections / batch) * batch;
  const connections = await Promise.all(Array.from({ length: options.connections }, () => RawConnection.open(host, port)));
  try {
    const started = performance.now();
    await Promise.all(
      connections.map(async (connection) => {
        let sent = 0;
        await Promise.all(
          Array.from({ length: options.inFlight }, async () => {
            while (sent < share) {
              sent += batch;
              checkProduced(await connection.send(request));
            }
          }),
        );
      }),
    );
    return performance.now() - started;
  } finally {
    for (const c of connections) c.close();
  }
}

/**
 * Consume throughput in the shape of the benchmark's kafkajs consumer: Fetch requests for every
 * partition of `topic` from offset 0 (16 MiB per request, 4 MiB per partition, as its consumer asks),
 * one at a time, counting records from the batch headers without decoding them, until `messages` are
 * read. Returns the wall time in ms from the first answer with data, as the kafkajs figure is timed.
 */
export async function rawFetchThroughput(host: string, port: number, options: { topic: string; partitions: number; messages: number }): Promise<number> {
  const connection = await RawConnection.open(host, port);
  const offsets = Array.from({ length: options.partitions }, () => 0);
  let consumed = 0;
  let started = 0;
  try {
    while (consumed < options.messages) {
      const body = await connection.request(ApiKey.Fetch, 4, (w) =>
        w
          .int32(-1) // replica_id
          .int32(500) // max_wait_ms
          .int32(1) // min_bytes
          .int32(16 * 1024 * 1024)
          .int8(0) // isolation_level
          .array([options.topic], (t, name) =>
            t.string(name).array(
              offsets.map((offset, partition) => ({ partition, offset })),
              (pw, p) =>
                pw
                  .int32(p.partition)
                  .int64(p.offset)
                  .int32(4 * 1024 * 1024),
            ),
          ),
      );
      const before = consumed;
      const r = new Reader(body);
      r.int32(); // throttle_time_ms
      r.array((t) => {
        t.string();
        t.array((p) => {
          const partition = p.int32();
          const errorCode = p.int16();
          p.int64(); // high watermark
          p.int64(); // last stable offset
          p.array((a) => [a.int64(), a.int64()]); // aborted transactions
          const records = p.nullableBytes();
          if (errorCode !== 0) throw new Error(`raw fetch of ${options.topic}/${partition}: error ${errorCode}`);
          // Whole batches only: a batch cut short at the size limit is fetched again next time.
          for (let pos = 0; records && pos + 61 <= records.length;) {
            const size = 12 + records.readInt32BE(pos + 8);
            if (pos + size > records.length) break;
            consumed += records.readInt32BE(pos + 57);
            offsets[partition] = Number(records.readBigInt64BE(pos)) + records.readInt32BE(pos + 23) + 1;
            pos += size;
          }
        });
      });
      if (started === 0 && consumed > before) started = performance.now();
    }
    return performance.now() - started;
  } finally {
    connection.close();
  }
}
