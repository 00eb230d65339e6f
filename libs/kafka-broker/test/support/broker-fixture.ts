import { spawnSync } from 'node:child_process';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { startBroker, type BrokerOptions, type KafkaBroker } from '../../src';

/** A broker on a free port with short group timeouts, so group tests run in seconds. */
export function startTestBroker(options: BrokerOptions = {}): Promise<KafkaBroker> {
  return startBroker({ port: 0, minSessionTimeoutMs: 1000, ...options });
}

export function kafkaFor(broker: KafkaBroker, config: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: 'broker-test',
    brokers: [broker.address],
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 50 },
    ...config,
  });
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let kcatChecked: boolean | undefined;

/** kcat is a real, independent Kafka client (librdkafka). CI installs it; elsewhere its tests say how. */
export function kcatAvailable(): boolean {
  if (kcatChecked === undefined) {
    kcatChecked = spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status === 0;
    if (!kcatChecked) {
      console.warn('kcat is not installed, so the kcat tests are skipped. Install it with: sudo apt-get install -y kcat');
    }
  }
  return kcatChecked;
}
