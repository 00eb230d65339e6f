import { parseArgs } from 'node:util';
import { startBroker } from './index';

/**
 * `npm run broker -- --port 9092 --data-dir .data/kafka`: the embedded broker in the foreground, for a
 * one-machine run of the platform. Production uses Apache Kafka.
 */
const USAGE = `Usage: npm run broker -- [options]
  --port <n>               port to listen on (default 9092; 0 picks a free one)
  --host <addr>            interface to listen on (default 127.0.0.1)
  --advertised-host <h>    host clients are told to connect to (default: --host)
  --data-dir <dir>         keep topics and offsets on disk (default: in memory only)
  --partitions <n>         partitions of auto-created topics (default 1)
  --no-auto-create         do not create topics on first use
  --retention-ms <n>       default topic retention by age (default -1, unlimited)
  --retention-bytes <n>    default partition retention by size (default -1, unlimited)
  --segment-bytes <n>      segment file size (default 67108864)
  --fsync                  fsync every append (default: leave flushing to the OS, as Kafka does)`;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) {
    console.error(`--${name} must be an integer, got '${value}'\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'advertised-host': { type: 'string' },
      'data-dir': { type: 'string' },
      partitions: { type: 'string' },
      'no-auto-create': { type: 'boolean' },
      'retention-ms': { type: 'string' },
      'retention-bytes': { type: 'string' },
      'segment-bytes': { type: 'string' },
      fsync: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const log = (level: string, message: string) => console.log(`${new Date().toISOString()} ${level} [kafka-broker] ${message}`);
  const broker = await startBroker({
    port: integer('port', values.port),
    host: values.host,
    advertisedHost: values['advertised-host'],
    dataDir: values['data-dir'] ?? null,
    defaultPartitions: integer('partitions', values.partitions),
    autoCreateTopics: !values['no-auto-create'],
    retentionMs: integer('retention-ms', values['retention-ms']),
    retentionBytes: integer('retention-bytes', values['retention-bytes']),
    segmentBytes: integer('segment-bytes', values['segment-bytes']),
    fsync: values.fsync,
    logger: { info: (m) => log('INFO', m), warn: (m) => log('WARN', m) },
  });
  log('INFO', `listening on ${broker.address} (${values['data-dir'] ? `data in ${values['data-dir']}` : 'in memory'})`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('INFO', `${signal} received, stopping`);
    broker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
