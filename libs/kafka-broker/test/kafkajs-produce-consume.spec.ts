import { CompressionTypes, type Kafka } from 'kafkajs';
import type { KafkaBroker } from '../src';
import { kafkaFor, startTestBroker, waitFor } from './support/broker-fixture';

const MESSAGES = 10_000;

async function produceAll(kafka: Kafka, topic: string, compression: CompressionTypes, idempotent = false): Promise<void> {
  const producer = kafka.producer({ idempotent, allowAutoTopicCreation: false });
  await producer.connect();
  for (let start = 0; start < MESSAGES; start += 500) {
    const messages = Array.from({ length: 500 }, (_, i) => ({ key: `nip-${(start + i) % 97}`, value: `event-${start + i}` }));
    await producer.send({ topic, acks: -1, compression, messages });
  }
  await producer.disconnect();
}

async function consumeAll(kafka: Kafka, topic: string, groupId: string): Promise<Map<string, { partition: number; key: string }>> {
  const seen = new Map<string, { partition: number; key: string }>();
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      seen.set(message.value!.toString(), { partition, key: message.key!.toString() });
    },
  });
  await waitFor(() => seen.size >= MESSAGES, 60_000, `${MESSAGES} messages on ${topic}`);
  await consumer.disconnect();
  return seen;
}

describe('producing and consuming with kafkajs', () => {
  let broker: KafkaBroker;
  let kafka: Kafka;

  beforeAll(async () => {
    broker = await startTestBroker();
    kafka = kafkaFor(broker);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: ['plain', 'gzipped', 'idempotent'].map((topic) => ({ topic, numPartitions: 4 })) });
    await admin.disconnect();
  });
  afterAll(() => broker.stop());

  it.each([
    ['plain', CompressionTypes.None],
    ['gzipped', CompressionTypes.GZIP],
  ])('delivers 10,000 %s messages over 4 partitions with acks -1, each key on one partition', async (topic, compression) => {
    await produceAll(kafka, topic, compression);
    const seen = await consumeAll(kafka, topic, `group-${topic}`);
    expect(seen.size).toBe(MESSAGES);
    const partitionsOfKey = new Map<string, Set<number>>();
    for (const { key, partition } of seen.values()) {
      partitionsOfKey.set(key, (partitionsOfKey.get(key) ?? new Set()).add(partition));
    }
    expect([...partitionsOfKey.values()].every((parts) => parts.size === 1)).toBe(true);
    expect(new Set([...seen.values()].map((s) => s.partition))).toEqual(new Set([0, 1, 2, 3]));

    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(topic);
    expect(ends.reduce((sum, p) => sum + Number(p.high), 0)).toBe(MESSAGES);
    // The consumer committed up to the end of every partition before disconnecting.
    const [committed] = await admin.fetchOffsets({ groupId: `group-${topic}`, topics: [topic] });
    expect(committed.partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset)).toEqual(
      ends.sort((a, b) => a.partition - b.partition).map((p) => p.high),
    );
    await admin.disconnect();
  });

  it('accepts an idempotent producer and writes each message once', async () => {
    await produceAll(kafka, 'idempotent', CompressionTypes.None, true);
    const seen = await consumeAll(kafka, 'idempotent', 'group-idempotent');
    expect(seen.size).toBe(MESSAGES);
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets('idempotent');
    expect(ends.reduce((sum, p) => sum + Number(p.high), 0)).toBe(MESSAGES);
    await admin.disconnect();
  });

  it('answers ListOffsets by timestamp with the first batch at or after it', async () => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'by-time', messages: [{ value: 'old', timestamp: '1000' }] });
    await producer.send({ topic: 'by-time', messages: [{ value: 'new', timestamp: '5000' }] });
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    expect(await admin.fetchTopicOffsetsByTimestamp('by-time', 3000)).toEqual([{ partition: 0, offset: '1' }]);
    expect(await admin.fetchTopicOffsetsByTimestamp('by-time', 9000)).toEqual([{ partition: 0, offset: '2' }]);
    await admin.disconnect();
  });
});
