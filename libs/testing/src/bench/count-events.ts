import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from '../wait';

/**
 * The distinct events (by CloudEvents id) on `topic`, by type, read from the beginning by a new
 * consumer group once there are `expected` of them, or after a minute without reaching it (then the
 * shortfall shows in the counts).
 */
export async function countEvents(address: string, topic: string, expected: number): Promise<Map<string, number>> {
  const consumer = new Kafka({ brokers: [address], clientId: 'bench-count', logLevel: logLevel.NOTHING }).consumer({ groupId: `bench-count-${Date.now()}` });
  const ids = new Map<string, Set<string>>();
  let total = 0;
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          const type = String(message.headers?.ce_type);
          const seen = ids.get(type) ?? ids.set(type, new Set()).get(type)!;
          const before = seen.size;
          seen.add(String(message.headers?.ce_id));
          total += seen.size - before;
        }
      },
    });
    await waitFor(() => total >= expected, `${expected} events on ${topic}`, 60_000, 200).catch(() => undefined);
  } finally {
    await consumer.disconnect();
  }
  return new Map([...ids].map(([type, set]) => [type, set.size]));
}
