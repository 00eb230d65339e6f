import type { ResolvedBrokerOptions } from '../config';
import type { GroupCoordinator } from '../group/group-coordinator';
import type { OffsetStore } from '../group/offset-store';
import type { TopicRegistry } from '../log/topic-registry';
import type { Reader } from '../protocol/reader';
import type { Writer } from '../protocol/writer';

export interface RequestContext {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string;
  clientHost: string;
  body: Reader;
  /** Registers a callback for the connection closing (long polls stop waiting then); returns its removal. */
  onClose(listener: () => void): () => void;
}

/** What every handler may use: the broker's state and settings. */
export interface BrokerState {
  options: ResolvedBrokerOptions;
  /** The port actually bound, which is what clients are told to connect to. */
  advertisedPort(): number;
  clusterId: string;
  topics: TopicRegistry;
  groups: GroupCoordinator;
  offsets: OffsetStore;
  nextProducerId(): number;
  /** Creates a topic on first use, as Kafka's auto.create.topics.enable does. */
  autoCreate(topic: string): number;
}

/** A response body, or null for a request that gets no response (Produce with acks=0). */
export type HandlerResult = Writer | null;

export type Handler = (ctx: RequestContext, state: BrokerState) => HandlerResult | Promise<HandlerResult>;
