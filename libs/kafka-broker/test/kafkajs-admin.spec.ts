import type { KafkaBroker } from '../src';
import { kafkaFor, startTestBroker } from './support/broker-fixture';

describe('kafkajs admin against the embedded broker', () => {
  let broker: KafkaBroker;

  beforeAll(async () => {
    broker = await startTestBroker({ defaultPartitions: 2 });
  });
  afterAll(() => broker.stop());

  it('creates, lists, describes and deletes topics', async () => {
    const admin = kafkaFor(broker).admin();
    await admin.connect();
    try {
      expect(await admin.createTopics({ topics: [{ topic: 'siap.employee.v1', numPartitions: 4 }, { topic: 'defaults' }] })).toBe(true);
      // Creating an existing topic is not an error for kafkajs: it answers false.
      expect(await admin.createTopics({ topics: [{ topic: 'siap.employee.v1', numPartitions: 4 }] })).toBe(false);
      expect((await admin.listTopics()).sort()).toEqual(['defaults', 'siap.employee.v1']);

      const { topics } = await admin.fetchTopicMetadata({ topics: ['siap.employee.v1', 'defaults'] });
      const byName = new Map(topics.map((t) => [t.name, t]));
      expect(
        byName
          .get('siap.employee.v1')!
          .partitions.map((p) => p.partitionId)
          .sort(),
      ).toEqual([0, 1, 2, 3]);
      expect(byName.get('defaults')!.partitions).toHaveLength(2);
      for (const p of byName.get('siap.employee.v1')!.partitions) {
        expect(p.leader).toBe(1);
        expect(p.replicas).toEqual([1]);
        expect(p.isr).toEqual([1]);
      }
      expect(await admin.fetchTopicOffsets('siap.employee.v1')).toEqual([0, 1, 2, 3].map((partition) => ({ partition, offset: '0', high: '0', low: '0' })));
      const cluster = await admin.describeCluster();
      expect(cluster.controller).toBe(1);
      expect(cluster.brokers).toEqual([{ nodeId: 1, host: '127.0.0.1', port: broker.port }]);

      await admin.deleteTopics({ topics: ['defaults'] });
      expect(await admin.listTopics()).toEqual(['siap.employee.v1']);
    } finally {
      await admin.disconnect();
    }
  });

  it('rejects invalid topic names, partition counts and replication factors', async () => {
    const admin = kafkaFor(broker, { retry: { retries: 0 } }).admin();
    await admin.connect();
    try {
      await expect(admin.createTopics({ topics: [{ topic: 'bad name!' }] })).rejects.toThrow(/Topic creation errors/);
      await expect(admin.createTopics({ topics: [{ topic: 'zero', numPartitions: 0 }] })).rejects.toThrow(/Topic creation errors/);
      await expect(admin.createTopics({ topics: [{ topic: 'rf3', replicationFactor: 3 }] })).rejects.toThrow(/Topic creation errors/);
      expect(await admin.listTopics()).not.toEqual(expect.arrayContaining(['zero', 'rf3']));
    } finally {
      await admin.disconnect();
    }
  });

  it('applies a topic retention.bytes given at creation, raising the earliest offset', async () => {
    const kafka = kafkaFor(broker);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        {
          topic: 'short-lived',
          numPartitions: 1,
          configEntries: [
            { name: 'retention.bytes', value: '4096' },
            { name: 'segment.bytes', value: '2048' },
          ],
        },
      ],
    });
    const producer = kafka.producer();
    await producer.connect();
    for (let i = 0; i < 40; i++) await producer.send({ topic: 'short-lived', messages: [{ value: Buffer.alloc(300, i) }] });
    await producer.disconnect();
    expect(broker.enforceRetention()).toBeGreaterThan(0);
    const offsets = await admin.fetchTopicOffsets('short-lived');
    expect(Number(offsets[0].low)).toBeGreaterThan(0);
    expect(offsets[0].high).toBe('40');
    await admin.disconnect();
  });
});
