/**
 * One load-generating producer for the broker benchmark, run in a worker thread: kafkajs spends a
 * core encoding records, so a single client process cannot saturate the broker on its own.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Kafka, logLevel } from 'kafkajs';

interface ProduceJob {
  address: string;
  topic: string;
  messages: number;
  batch: number;
  messageBytes: number;
  inFlight: number;
}

async function run(job: ProduceJob): Promise<void> {
  const kafka = new Kafka({ clientId: 'bench-producer', brokers: [job.address], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  const value = Buffer.alloc(job.messageBytes, 0x61);
  const messages = Array.from({ length: job.batch }, (_, i) => ({ key: `k${i}`, value }));
  parentPort!.postMessage({ type: 'ready' });
  await new Promise<void>((resolve) => parentPort!.once('message', () => resolve()));
  let sent = 0;
  await Promise.all(
    Array.from({ length: job.inFlight }, async () => {
      while (sent < job.messages) {
        sent += job.batch;
        await producer.send({ topic: job.topic, acks: -1, messages });
        parentPort!.postMessage({ type: 'progress', count: job.batch });
      }
    }),
  );
  await producer.disconnect();
  parentPort!.postMessage({ type: 'done' });
}

void run(workerData as ProduceJob);
