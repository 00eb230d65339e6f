/**
 * `npm run bench:broker`: throughput and latency of the embedded broker with kafkajs, for 1 KiB
 * messages. The broker runs as its own process with a data dir, as `npm start` runs it.
 * Goals on the 2-core reference machine: ≥ 50,000 msg/s produced, ≥ 200,000 msg/s consumed,
 * single-message produce p99 < 2 ms.
 *
 * Each figure is followed, in the same run and against the same broker, by the same work done by a
 * minimal wire client (raw-wire-client.ts: pre-encoded requests of the same messages, same batches,
 * same connections and requests in flight): the calibration. The figure is printed beside it with its
 * ratio, which compares across machines where the absolute figures (twice apart on machines of the
 * same kind) do not. BENCH_MESSAGES and BENCH_PRODUCERS size the run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Kafka, logLevel } from 'kafkajs';
import { exited, fmt, percentile, printTable, ratio, spawnBrokerProcess } from '@app/testing';
import { rawFetchThroughput, rawProduceLatency, rawProduceThroughput } from './raw-wire-client';

const MESSAGE_BYTES = 1024;
const BATCH = 100;
const PRODUCE_MESSAGES = Number(process.env.BENCH_MESSAGES ?? 300_000);
const LATENCY_SAMPLES = 3_000;
const PARTITIONS = 4;
const MiB = 1024 * 1024;

function rate(perSecond: number): string {
  return `${fmt(perSecond)} msg/s, ${((perSecond * MESSAGE_BYTES) / MiB).toFixed(1)} MiB/s`;
}

/** Runs `producers` worker threads, each sending its share; returns the wall time from the common start. */
async function produceThroughput(address: string, topic: string, producers: number, inFlight: number): Promise<number> {
  const share = Math.ceil(PRODUCE_MESSAGES / producers / BATCH) * BATCH;
  const workers = Array.from(
    { length: producers },
    () =>
      new Worker(path.join(__dirname, 'produce-worker.ts'), {
        workerData: { address, topic, messages: share, batch: BATCH, messageBytes: MESSAGE_BYTES, inFlight },
      }),
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
    await admin.createTopics({
      topics: [
        { topic: 'bench.throughput', numPartitions: PARTITIONS },
        { topic: 'bench.calibration', numPartitions: PARTITIONS },
        { topic: 'bench.latency', numPartitions: 1 },
      ],
    });
    await admin.disconnect();

    const producers = Number(process.env.BENCH_PRODUCERS ?? 2);
    const inFlight = 4;
    console.log(
      `Producing ${PRODUCE_MESSAGES.toLocaleString('en-US')} messages in batches of ${BATCH}, acks -1, from ${producers} kafkajs producer thread(s) with ${inFlight} sends in flight each…`,
    );
    const produceMs = await produceThroughput(broker.address, 'bench.throughput', producers, inFlight);
    const [host, port] = broker.address.split(':');
    console.log('Calibration: the same messages from a minimal wire client, same batches, connections and sends in flight…');
    const rawProduceMs = await rawProduceThroughput(host, Number(port), {
      topic: 'bench.calibration',
      partitions: PARTITIONS,
      connections: producers,
      inFlight,
      messages: PRODUCE_MESSAGES,
      batch: BATCH,
      messageBytes: MESSAGE_BYTES,
    });
    console.log(`Consuming them with one kafkajs consumer…`);
    const consumeMs = await consumeThroughput(kafka, 'bench.throughput');
    console.log('Calibration: reading the calibration messages with raw fetches…');
    const rawFetchMs = await rawFetchThroughput(host, Number(port), { topic: 'bench.calibration', partitions: PARTITIONS, messages: PRODUCE_MESSAGES });
    console.log(`Measuring ${LATENCY_SAMPLES.toLocaleString('en-US')} single-message sends, acks -1, then as many from the minimal wire client…`);
    const latencies = await singleMessageLatency(broker.address, 'bench.latency');
    const raw = await rawProduceLatency(host, Number(port), 'bench.latency', LATENCY_SAMPLES, MESSAGE_BYTES);

    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const perSecond = (ms: number) => PRODUCE_MESSAGES / (ms / 1000);
    const p99 = percentile(latencies, 99);
    const ms = (v: number) => `${v.toFixed(2)} ms`;
    const row = (name: string, figure: number, calibration: number, show: (v: number) => string, goal = '', met?: boolean) => [
      name,
      show(figure),
      show(calibration),
      ratio(figure, calibration),
      goal,
      met === undefined ? '' : met ? 'yes' : 'NO',
    ];
    printTable(
      ['measure', 'result', 'calibration', 'ratio', 'goal', 'met'],
      [
        row('produce (batches of 100, acks -1)', perSecond(produceMs), perSecond(rawProduceMs), rate, '≥ 50,000 msg/s', perSecond(produceMs) >= 50_000),
        row('consume', perSecond(consumeMs), perSecond(rawFetchMs), rate, '≥ 200,000 msg/s', perSecond(consumeMs) >= 200_000),
        row('single-message produce p50', percentile(latencies, 50), percentile(raw, 50), ms),
        row('single-message produce p99', p99, percentile(raw, 99), ms, '< 2 ms', p99 < 2),
        row('single-message produce mean', mean(latencies), mean(raw), ms),
      ],
    );
    console.log(
      'calibration: the same work against the same broker in this run from a minimal wire client (pre-encoded Produce v7 / Fetch v4 requests, no client library: same message size, batches, connections and requests in flight; single sends one at a time); ratio = figure ÷ calibration (throughput: higher is better; latency: lower is better), which compares across machines where the absolute figures do not.',
    );
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
