/**
 * Single-message produce latency seen by a minimal wire client: pre-encoded Produce v7 requests over one
 * socket, one at a time. Unlike the kafkajs figure, this leaves out the client library's own encoding
 * and garbage collection, so it shows what the broker itself adds.
 */
import * as net from 'node:net';
import { ApiKey } from '../src/protocol/api-keys';
import { Writer } from '../src/protocol/writer';
import { makeBatch } from '../test/support/batches';

function produceRequest(correlationId: number, topic: string, batch: Buffer): Buffer {
  const body = new Writer()
    .int16(ApiKey.Produce)
    .int16(7)
    .int32(correlationId)
    .string('bench-raw')
    .nullableString(null)
    .int16(-1)
    .int32(30_000)
    .array([topic], (t, name) => {
      t.string(name).array([0], (p) => p.int32(0).bytes(batch));
    })
    .toBuffer();
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

export async function rawProduceLatency(host: string, port: number, topic: string, samples: number, messageBytes: number): Promise<number[]> {
  const socket = net.connect(port, host);
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let pending = Buffer.alloc(0);
  let onResponse: (() => void) | null = null;
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
      pending = pending.subarray(4 + pending.readInt32BE(0));
      onResponse?.();
    }
  });
  const batch = makeBatch({ payloadBytes: messageBytes });
  const requests = Array.from({ length: samples + 500 }, (_, i) => produceRequest(i, topic, batch));
  const timings: number[] = [];
  for (let i = 0; i < requests.length; i++) {
    const answered = new Promise<void>((resolve) => (onResponse = resolve));
    const t0 = performance.now();
    socket.write(requests[i]);
    await answered;
    if (i >= 500) timings.push(performance.now() - t0); // the first 500 warm up
  }
  socket.destroy();
  return timings.sort((a, b) => a - b);
}
