import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from './support/broker-fixture';
import { exited, spawnBrokerProcess } from '@app/testing';

const TOPIC = 'kmob.attendance.test';
const GROUP = 'recap';

function client(address: string): Kafka {
  return new Kafka({ clientId: 'persistence-test', brokers: [address], logLevel: logLevel.NOTHING, retry: { retries: 3, initialRetryTime: 50 } });
}

async function consume(kafka: Kafka, groupId: string, expected: number): Promise<string[]> {
  const values: string[] = [];
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void values.push(message.value!.toString()) });
  await waitFor(() => values.length >= expected, 30_000, `${expected} messages for ${groupId}`);
  await new Promise((r) => setTimeout(r, 300)); // anything beyond `expected` would show up here
  await consumer.disconnect();
  return values;
}

describe('a broker with a data dir killed with SIGKILL and restarted', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-persist-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged record and every committed offset', async () => {
    const first = await spawnBrokerProcess(['--data-dir', dataDir, '--partitions', '3', '--segment-bytes', '65536']);
    const kafka = client(first.address);
    const producer = kafka.producer();
    await producer.connect();
    for (let i = 0; i < 20; i++) {
      await producer.send({ topic: TOPIC, acks: -1, messages: Array.from({ length: 50 }, (_, j) => ({ key: `k${j}`, value: `before-${i * 50 + j}` })) });
    }
    // The group reads the first 1,000 and commits them; the next 500 are acknowledged but unread.
    expect(await consume(kafka, GROUP, 1000)).toHaveLength(1000);
    for (let i = 0; i < 10; i++) {
      await producer.send({ topic: TOPIC, acks: -1, messages: Array.from({ length: 50 }, (_, j) => ({ key: `k${j}`, value: `after-${i * 50 + j}` })) });
    }
    await producer.disconnect();

    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await spawnBrokerProcess(['--data-dir', dataDir]);
    try {
      const restarted = client(second.address);
      const everything = await consume(restarted, 'fresh-reader', 1500);
      expect(new Set(everything).size).toBe(1500);
      const resumed = await consume(restarted, GROUP, 500);
      expect(resumed.sort()).toEqual(Array.from({ length: 500 }, (_, i) => `after-${i}`).sort());
      const admin = restarted.admin();
      await admin.connect();
      const { topics } = await admin.fetchTopicMetadata({ topics: [TOPIC] });
      expect(topics[0].partitions).toHaveLength(3);
      await admin.disconnect();
    } finally {
      second.child.kill('SIGTERM');
      expect(await exited(second.child)).toBe(0);
    }
  });
});
