import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { waitFor } from '../wait';

/**
 * The event-latency calibration: a minimal kafkajs produce/consume loop against the same broker, with
 * messages of the figure's size sent at the figure's rate, each timed from its send to a consumer
 * configured as the benchmark's own. Sender and consumer share this process, so the stamp is the
 * monotonic clock to a fraction of a millisecond (a millisecond clock would round a 1 ms calibration
 * to 0 or 2). What is left of the figure beside it is the service's part: commit, outbox relay, batching.
 */
export async function eventLatencyCalibration(
  brokers: string,
  options: { rate: number; seconds: number; messageBytes: number; maxWaitTimeInMs: number; partitions?: number },
): Promise<number[]> {
  const topic = `bench.calibration.${Date.now()}`;
  const kafka = new Kafka({ clientId: 'bench-calibration', brokers: [brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: options.partitions ?? 3 }] });
  await admin.disconnect();
  // As the outbox relay's producer: one request in flight, acks from every replica.
  const producer = kafka.producer({ maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId: `${topic}.group`, maxWaitTimeInMs: options.maxWaitTimeInMs });
  const latencies: number[] = [];
  const total = Math.round(options.rate * options.seconds);
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    let joined = false;
    consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
    await consumer.run({ eachMessage: async ({ message }) => void latencies.push(performance.now() - Number(String(message.headers!.sent_at))) });
    await waitFor(() => joined, 'the calibration consumer to join', 30_000);
    await new Promise((r) => setTimeout(r, 1000));
    const value = Buffer.alloc(options.messageBytes, 0x63);
    const pending: Promise<unknown>[] = [];
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      const wait = start + (i * 1000) / options.rate - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(
        producer.send({ topic, acks: -1, messages: [{ key: `19${String(i).padStart(16, '0')}`, value, headers: { sent_at: String(performance.now()) } }] }),
      );
    }
    await Promise.all(pending);
    await waitFor(() => latencies.length >= total, `${total} calibration events`, 30_000).catch(() => undefined);
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
  return latencies.sort((a, b) => a - b);
}
