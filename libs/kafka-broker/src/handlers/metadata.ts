import { ErrorCode } from '../protocol/error-codes';
import { Writer } from '../protocol/writer';
import type { BrokerState, RequestContext } from './handler';

interface TopicMetadata {
  errorCode: number;
  name: string;
  partitions: number;
}

/** Metadata v0–4: this node as the only broker, controller and leader of every partition. */
export function metadata(ctx: RequestContext, state: BrokerState): Writer {
  const v = ctx.apiVersion;
  const requested = ctx.body.nullableArray((r) => r.string());
  const allowAutoCreate = v >= 4 ? ctx.body.bool() : true;
  // v0 uses an empty list for "all topics"; from v1 that is null and an empty list means none.
  const all = requested === null || (v === 0 && requested.length === 0);
  const topics: TopicMetadata[] = all
    ? state.topics.all().map((t) => ({ errorCode: ErrorCode.NONE, name: t.name, partitions: t.partitions.length }))
    : [...new Set(requested)].map((name) => describe(name, allowAutoCreate, state));

  const { nodeId } = state.options;
  const w = new Writer();
  if (v >= 3) w.int32(0);
  w.array([nodeId], (out) => {
    out.int32(nodeId).string(state.options.advertisedHost).int32(state.advertisedPort());
    if (v >= 1) out.nullableString(null);
  });
  if (v >= 2) w.nullableString(state.clusterId);
  if (v >= 1) w.int32(nodeId);
  w.array(topics, (out, t) => {
    out.int16(t.errorCode).string(t.name);
    if (v >= 1) out.bool(false);
    out.array(
      Array.from({ length: t.partitions }, (_, i) => i),
      (p, index) => {
        p.int16(ErrorCode.NONE).int32(index).int32(nodeId);
        p.array([nodeId], (o, id) => o.int32(id));
        p.array([nodeId], (o, id) => o.int32(id));
      },
    );
  });
  return w;
}

function describe(name: string, allowAutoCreate: boolean, state: BrokerState): TopicMetadata {
  let topic = state.topics.get(name);
  if (!topic && allowAutoCreate && state.options.autoCreateTopics) {
    const errorCode = state.autoCreate(name);
    if (errorCode !== ErrorCode.NONE && errorCode !== ErrorCode.TOPIC_ALREADY_EXISTS) return { errorCode, name, partitions: 0 };
    topic = state.topics.get(name);
  }
  if (!topic) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, name, partitions: 0 };
  return { errorCode: ErrorCode.NONE, name, partitions: topic.partitions.length };
}
