import { parseTopicConfigs } from '../log/topic-registry';
import { ErrorCode } from '../protocol/error-codes';
import { Writer } from '../protocol/writer';
import type { BrokerState, RequestContext } from './handler';

interface CreateResult {
  name: string;
  errorCode: number;
  message: string | null;
}

/** CreateTopics v0–3. -1 partitions means the broker default; only replication factor 1 exists here. */
export function createTopics(ctx: RequestContext, state: BrokerState): Writer {
  const v = ctx.apiVersion;
  const r = ctx.body;
  const topics = r.array((t) => ({
    name: t.string(),
    numPartitions: t.int32(),
    replicationFactor: t.int16(),
    assignments: t.array((a) => ({ partition: a.int32(), brokers: a.array((b) => b.int32()) })),
    configs: t.array((c) => ({ name: c.string(), value: c.nullableString() })),
  }));
  r.int32(); // timeout_ms
  const validateOnly = v >= 1 ? r.bool() : false;

  const results = topics.map((t): CreateResult => {
    const partitions = t.assignments.length > 0 ? t.assignments.length : t.numPartitions === -1 ? state.options.defaultPartitions : t.numPartitions;
    const replicas = t.assignments.length > 0 ? Math.max(...t.assignments.map((a) => a.brokers.length)) : t.replicationFactor;
    if (replicas !== -1 && replicas !== 1) {
      return { name: t.name, errorCode: ErrorCode.INVALID_REPLICATION_FACTOR, message: 'this single-node broker only has replication factor 1' };
    }
    const config = parseTopicConfigs(t.configs);
    if (!config) return { name: t.name, errorCode: ErrorCode.INVALID_CONFIG, message: 'retention.ms, retention.bytes and segment.bytes must be integers' };
    if (partitions < 1) return { name: t.name, errorCode: ErrorCode.INVALID_PARTITIONS, message: `invalid partition count ${t.numPartitions}` };
    if (validateOnly) return { name: t.name, errorCode: state.topics.get(t.name) ? ErrorCode.TOPIC_ALREADY_EXISTS : ErrorCode.NONE, message: null };
    const errorCode = state.topics.create(t.name, partitions, config);
    return { name: t.name, errorCode, message: errorCode === ErrorCode.NONE ? null : describeError(errorCode, t.name) };
  });

  const w = new Writer();
  if (v >= 2) w.int32(0);
  w.array(results, (out, res) => {
    out.string(res.name).int16(res.errorCode);
    if (v >= 1) out.nullableString(res.message);
  });
  return w;
}

/** DeleteTopics v0–1; the topic's committed offsets go with it. */
export function deleteTopics(ctx: RequestContext, state: BrokerState): Writer {
  const names = ctx.body.array((r) => r.string());
  ctx.body.int32(); // timeout_ms
  const w = new Writer();
  if (ctx.apiVersion >= 1) w.int32(0);
  w.array(names, (out, name) => {
    const errorCode = state.topics.delete(name);
    if (errorCode === ErrorCode.NONE) state.offsets.deleteTopic(name);
    out.string(name).int16(errorCode);
  });
  return w;
}

function describeError(errorCode: number, name: string): string {
  switch (errorCode) {
    case ErrorCode.TOPIC_ALREADY_EXISTS:
      return `topic '${name}' already exists`;
    case ErrorCode.INVALID_TOPIC_EXCEPTION:
      return `invalid topic name '${name}'`;
    default:
      return `error ${errorCode}`;
  }
}
