import { randomBytes } from 'node:crypto';
import type { KafkaBroker } from '../src';
import { ApiKey } from '../src/protocol/api-keys';
import { Reader } from '../src/protocol/reader';
import { kafkaFor, startTestBroker, waitFor } from './support/broker-fixture';
import { frame, RawClient } from './support/raw-client';

describe('malformed input closes only the offending connection', () => {
  let broker: KafkaBroker;

  beforeAll(async () => {
    broker = await startTestBroker({ maxRequestBytes: 1024 * 1024 });
  });
  afterAll(() => broker.stop());

  const sizePrefixed = (payload: Buffer) => {
    const size = Buffer.alloc(4);
    size.writeInt32BE(payload.length);
    return Buffer.concat([size, payload]);
  };

  const hostileFrames: [string, Buffer][] = [
    ['random bytes', Buffer.concat([Buffer.from([0, 0, 0, 64]), randomBytes(64)])],
    ['a size prefix over the maximum', Buffer.from([0x7f, 0xff, 0xff, 0xff, 1, 2, 3])],
    ['a negative size prefix', Buffer.from([0xff, 0xff, 0xff, 0xfe])],
    ['a request cut short inside its body', frame(ApiKey.Metadata, 4, 1, (w) => w.int32(10).string('only-one-topic'))],
    ['a frame too short for a header', sizePrefixed(Buffer.from([0, 3]))],
    ['an unknown API key', frame(99, 0, 1)],
    ['an unsupported version of a known API', frame(ApiKey.Produce, 1, 1)],
    ['an array length larger than the frame', frame(ApiKey.Metadata, 1, 1, (w) => w.int32(0x7fffffff))],
  ];

  it.each(hostileFrames)('closes the connection on %s while other clients keep working', async (_what, bytes) => {
    const kafka = kafkaFor(broker);
    const bystander = kafka.producer();
    await bystander.connect();
    await bystander.send({ topic: 'bystander', messages: [{ value: 'before' }] });

    const hostile = await RawClient.connect(broker.port);
    hostile.send(bytes);
    expect(await hostile.closedWithin(5000)).toBe(true);

    // The client connected before the attack and a new one both still work.
    await bystander.send({ topic: 'bystander', messages: [{ value: 'after' }] });
    await bystander.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    expect(await admin.listTopics()).toContain('bystander');
    await admin.disconnect();
  });

  it('answers a too-new ApiVersions with UNSUPPORTED_VERSION instead of closing', async () => {
    const client = await RawClient.connect(broker.port);
    client.send(frame(ApiKey.ApiVersions, 9, 77));
    await waitFor(() => Buffer.concat(client.received).length >= 4, 5000, 'an ApiVersions answer');
    const r = new Reader(Buffer.concat(client.received));
    r.int32(); // size
    expect(r.int32()).toBe(77);
    expect(r.int16()).toBe(35);
    expect(r.array((x) => [x.int16(), x.int16(), x.int16()])).toEqual([[ApiKey.ApiVersions, 0, 3]]);
    expect(await client.closedWithin(200)).toBe(false);
    client.destroy();
  });

  it('keeps memory bounded for a client that pipelines fetches and never reads', async () => {
    const producer = kafkaFor(broker).producer();
    await producer.connect();
    const value = Buffer.alloc(100 * 1024, 1);
    for (let i = 0; i < 10; i++) await producer.send({ topic: 'big', messages: [{ value }] });
    await producer.disconnect();

    const stalled = await RawClient.connect(broker.port);
    stalled.socket.pause(); // a stalled consumer: it asks, but never reads the answers
    const fetchAll = (correlationId: number) =>
      frame(ApiKey.Fetch, 4, correlationId, (w) =>
        w
          .int32(-1)
          .int32(0)
          .int32(1)
          .int32(10 << 20)
          .int8(0)
          .array([0], (t) => {
            t.string('big').array([0], (p) =>
              p
                .int32(0)
                .int64(0)
                .int32(10 << 20),
            );
          }),
      );
    let maxBacklog = 0;
    for (let i = 0; i < 500; i++) {
      stalled.send(fetchAll(i)); // 500 requests for ~1 MiB each: 500 MiB if all were answered at once
      if (i % 50 === 0) {
        await new Promise((r) => setTimeout(r, 20));
        maxBacklog = Math.max(maxBacklog, broker.stats().maxConnectionBacklogBytes);
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    maxBacklog = Math.max(maxBacklog, broker.stats().maxConnectionBacklogBytes);
    expect(maxBacklog).toBeLessThan(32 * 1024 * 1024);

    const admin = kafkaFor(broker).admin();
    await admin.connect();
    expect(await admin.fetchTopicOffsets('big')).toEqual([{ partition: 0, offset: '10', high: '10', low: '0' }]);
    await admin.disconnect();
    stalled.destroy();
  });
});
