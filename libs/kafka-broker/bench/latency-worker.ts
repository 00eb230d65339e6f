/**
 * Single-message produce latency for the broker benchmark, in a child process of its own, so the
 * figure is not coloured by the heap and GC threads the throughput phases left in the benchmark process.
 */
import { Kafka, logLevel } from 'kafkajs';

interface LatencyJob {
  address: string;
  topic: string;
  samples: number;
  messageBytes: number;
}

async function run(job: LatencyJob): Promise<void> {
  const kafka = new Kafka({ clientId: 'bench-latency', brokers: [job.address], logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  const value = Buffer.alloc(job.messageBytes, 0x62);
  for (let i = 0; i < 500; i++) await producer.send({ topic: job.topic, acks: -1, messages: [{ value }] }); // warm-up
  const samples = new Float64Array(job.samples);
  for (let i = 0; i < job.samples; i++) {
    const t0 = performance.now();
    await producer.send({ topic: job.topic, acks: -1, messages: [{ value }] });
    samples[i] = performance.now() - t0;
  }
  await producer.disconnect();
  process.send!([...samples], () => process.exit(0));
}

process.once('message', (job: LatencyJob) => void run(job));
