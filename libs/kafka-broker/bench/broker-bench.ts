/**
 * `npm run bench:broker`: throughput and latency of the embedded broker with kafkajs, for 1 KiB
 * messages. The broker runs as its own process with a data dir, as `npm start` runs it.
 * Goals on the 2-core reference machine: ≥ 50,000 msg/s produced, ≥ 200,000 msg/s consumed,
 * single-message produce p99 < 2 ms.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Kafka, logLevel } from 'kafkajs';
import { percentile } from '../../testing/src/percentile';
import { exited, spawnBrokerProcess } from '../test/support/broker-process';
import { rawProduceLatency } from './raw-produce-latency';

const MESSAGE_BYTES = 1024;
const BATCH = 100;
const PRODUCE_MESSAGES = Number(process.env.BENCH_MESSAGES ?? 300_000);
const LATENCY_SAMPLES = 3_000;
const PARTITIONS = 4;
const MiB = 1024 * 1024;

function rate(count: number, ms: number): string {
  const perSecond = count / (ms / 1000);
  return `${Math.round(perSecond).toLocaleString('en-US')} msg/s, ${((perSecond * MESSAGE_BYTES) / MiB).toFixed(1)} MiB/s`;
}

/** Runs `producers` worker threads, each sending its share; returns the wall time from the common start. */
async function produceThroughput(address: string, topic: string, producers: number, inFlight: number): Promise<number> {
  const share = Math.ceil(PRODUCE_MESSAGES / producers / BATCH) * BATCH;
  const workers = Array.from(
    { length: producers },
    () => new Worker(path.join(__dirname, 'produce-worker.ts'), { workerData: { address, topic, messages: share, batch: BATCH, messageBytes: MESSAGE_BYTES, inFlight } }),
  );
  let produced = 0;
  let lastReport = performance.now();
  const waiting = new Map<string, Set<Worker>>([
    ['ready', new Set(workers)],
    ['done', new Set(workers)],
  ]);
  const reached = (type: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (waiting.get(type)!.size === 0 ? resolve() : setTimeout(check, 5));
      for (const w of workers) w.once('error', reject);
      check();
    });
  for (const w of workers) {
    w.on('message', (m: { type: string; count?: number }) => {
      if (m.type !== 'progress') return void waiting.get(m.type)?.delete(w);
      produced += m.count ?? 0;
      if (performance.now() - lastReport > 2000) {
        lastReport = performance.now();
        process.stdout.write(`  … ${produced.toLocaleString('en-US')} produced\n`);
      }
    });
  }
  await reached('ready');
  const started = performance.now();
  for (const w of workers) w.postMessage('go');
  await reached('done');
  const elapsed = performance.now() - started;
  await Promise.all(workers.map((w) => w.terminate()));
  return elapsed;
}

async function consumeThroughput(kafka: Kafka, topic: string): Promise<number> {
  const consumer = kafka.consumer({ groupId: `bench-${Date.now()}`, maxBytesPerPartition: 4 * MiB, maxBytes: 16 * MiB });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let consumed = 0;
  let started = 0;
  const done = new Promise<number>((resolve) => {
    void consumer.run({
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        if (started === 0) started = performance.now();
        consumed += batch.messages.length;
        if (consumed >= PRODUCE_MESSAGES) resolve(performance.now() - started);
      },
    });
  });
  const elapsed = await done;
  await consumer.disconnect();
  return elapsed;
}

function singleMessageLatency(address: string, topic: string): Promise<number[]> {
  const child = fork(path.join(__dirname, 'latency-worker.ts'), { execArgv: ['-r', '@swc-node/register'] });
  child.send({ address, topic, samples: LATENCY_SAMPLES, messageBytes: MESSAGE_BYTES });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (samples: number[]) => resolve(samples.sort((a, b) => a - b)));
  });
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-bench-'));
  const broker = await spawnBrokerProcess(['--data-dir', dataDir, '--partitions', String(PARTITIONS)]);
  const kafka = new Kafka({ clientId: 'bench', brokers: [broker.address], logLevel: logLevel.NOTHING });
  try {
    console.log(`Embedded broker benchmark: ${MESSAGE_BYTES} B messages, data dir ${dataDir}, ${os.cpus().length} cores`);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'bench.throughput', numPartitions: PARTITIONS }, { topic: 'bench.latency', numPartitions: 1 }] });
    await admin.disconnect();

    const producers = Number(process.env.BENCH_PRODUCERS ?? 2);
    const inFlight = 4;
    console.log(
      `Producing ${PRODUCE_MESSAGES.toLocaleString('en-US')} messages in batches of ${BATCH}, acks -1, from ${producers} kafkajs producer thread(s) with ${inFlight} sends in flight each…`,
    );
    const produceMs = await produceThroughput(broker.address, 'bench.throughput', producers, inFlight);
    console.log(`Consuming them with one kafkajs consumer…`);
    const consumeMs = await consumeThroughput(kafka, 'bench.throughput');
    console.log(`Measuring ${LATENCY_SAMPLES.toLocaleString('en-US')} single-message sends, acks -1…`);
    const latencies = await singleMessageLatency(broker.address, 'bench.latency');
    const [host, port] = broker.address.split(':');
    const raw = await rawProduceLatency(host, Number(port), 'bench.latency', LATENCY_SAMPLES, MESSAGE_BYTES);

    const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
    const p99 = percentile(latencies, 99);
    const rows = [
      ['produce (batches of 100, acks -1)', rate(PRODUCE_MESSAGES, produceMs), 'goal ≥ 50,000 msg/s', PRODUCE_MESSAGES / (produceMs / 1000) >= 50_000],
      ['consume', rate(PRODUCE_MESSAGES, consumeMs), 'goal ≥ 200,000 msg/s', PRODUCE_MESSAGES / (consumeMs / 1000) >= 200_000],
      ['single-message produce p50', `${percentile(latencies, 50).toFixed(2)} ms`, '', true],
      ['single-message produce p99', `${p99.toFixed(2)} ms`, 'goal < 2 ms', p99 < 2],
      ['single-message produce mean', `${mean.toFixed(2)} ms`, '', true],
      ['single-message produce p50, minimal wire client', `${percentile(raw, 50).toFixed(2)} ms`, '', true],
      ['single-message produce p99, minimal wire client', `${percentile(raw, 99).toFixed(2)} ms`, '', true],
    ] as const;
    console.log('\n| measure | result | goal | met |\n|---|---|---|---|');
    for (const [name, result, goal, met] of rows) console.log(`| ${name} | ${result} | ${goal} | ${goal ? (met ? 'yes' : 'NO') : ''} |`);
  } finally {
    broker.child.kill('SIGTERM');
    await exited(broker.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
