import type { BrokerOptions } from './config';
import { KafkaBroker } from './broker';

export { KafkaBroker, type BrokerStats } from './broker';
export type { BrokerLogger, BrokerOptions } from './config';

/**
 * Starts an embedded single-node Kafka-protocol broker. Resolves once it listens; `broker.port` is the
 * bound port (useful with `port: 0`) and `broker.stop()` shuts it down.
 */
export function startBroker(options: BrokerOptions = {}): Promise<KafkaBroker> {
  return KafkaBroker.start(options);
}
