import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { Consumer, Kafka } from 'kafkajs';
import type { KafkaBroker } from '../src';
import { kafkaFor, startTestBroker, waitFor } from './support/broker-fixture';

const TOPIC = 'attendance';
const GROUP = 'recap-builders';

describe('a kafkajs consumer group growing from 1 to 3 members and shrinking back', () => {
  let broker: KafkaBroker;
  let kafka: Kafka;
  const consumed = new Set<string>();
  let produced = 0;

  beforeAll(async () => {
    broker = await startTestBroker();
    kafka = kafkaFor(broker);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 6 }] });
    await admin.disconnect();
  });
  afterAll(() => broker.stop());

  async function produce(count: number): Promise<void> {
    const producer = kafka.producer();
    await producer.connect();
    const messages = Array.from({ length: count }, (_, i) => ({ key: String((produced + i) % 50), value: `m${produced + i}` }));
    await producer.send({ topic: TOPIC, acks: -1, messages });
    produced += count;
    await producer.disconnect();
  }

  async function member(): Promise<Consumer> {
    const consumer = kafka.consumer({ groupId: GROUP, sessionTimeout: 3000, heartbeatInterval: 300, maxWaitTimeInMs: 200 });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void consumed.add(message.value!.toString()) });
    return consumer;
  }

  function childMember(): ChildProcess {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'support/child-consumer.ts'), broker.address, GROUP, TOPIC], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('m')) consumed.add(line);
    });
    return child;
  }

  async function describe(): Promise<{ state: string; members: { memberId: string; clientId: string }[] }> {
    const admin = kafka.admin();
    await admin.connect();
    const { groups } = await admin.describeGroups([GROUP]);
    await admin.disconnect();
    return groups[0];
  }

  const allConsumed = () => consumed.size === produced;

  it('consumes every message through joins, a leave and a session expiry, ending with offsets at the end', async () => {
    const a = await member();
    await produce(600);
    await waitFor(allConsumed, 20_000, 'member A to consume the first 600');

    const b = await member();
    const c = childMember();
    await waitFor(
      async () => {
        const g = await describe();
        return g.state === 'Stable' && g.members.length === 3;
      },
      30_000,
      'a stable group of 3',
    );
    const three = await describe();
    expect(three.members.map((m) => m.clientId).sort()).toEqual(['broker-test', 'broker-test', 'child']);
    await produce(600);
    await waitFor(allConsumed, 20_000, 'three members to consume 600 more');

    await b.disconnect(); // a clean LeaveGroup
    await waitFor(async () => (await describe()).members.length === 2, 20_000, 'the group to shrink to 2');
    await produce(600);
    await waitFor(allConsumed, 20_000, 'two members to consume 600 more');

    c.kill('SIGKILL'); // no LeaveGroup: the broker must notice the silence
    await waitFor(
      async () => {
        const g = await describe();
        return g.state === 'Stable' && g.members.length === 1;
      },
      30_000,
      'the killed member to expire by session timeout',
    );
    await produce(600);
    await waitFor(allConsumed, 20_000, 'the last member to consume everything');
    await a.disconnect();

    expect(consumed.size).toBe(2400);
    const admin = kafka.admin();
    await admin.connect();
    const ends = (await admin.fetchTopicOffsets(TOPIC)).sort((x, y) => x.partition - y.partition);
    const [committed] = await admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] });
    await admin.disconnect();
    expect(committed.partitions.sort((x, y) => x.partition - y.partition).map((p) => p.offset)).toEqual(ends.map((e) => e.high));
    expect(ends.reduce((sum, e) => sum + Number(e.high), 0)).toBe(2400);
  });
});
