import { ErrorCode } from '../protocol/error-codes';
import { Writer } from '../protocol/writer';
import type { BrokerState, RequestContext } from './handler';

/** OffsetCommit v2–5: checked against the group's generation, then journaled before the answer. */
export function offsetCommit(ctx: RequestContext, state: BrokerState): Writer {
  const v = ctx.apiVersion;
  const r = ctx.body;
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  if (v <= 4) r.int64(); // retention_time_ms
  const topics = r.array((t) => ({
    name: t.string(),
    partitions: t.array((p) => ({ index: p.int32(), offset: p.int64(), metadata: p.nullableString() })),
  }));

  const groupError = groupId ? state.groups.checkCommit(groupId, generationId, memberId) : ErrorCode.INVALID_GROUP_ID;
  const now = Date.now();
  const w = new Writer();
  if (v >= 3) w.int32(0);
  w.array(topics, (out, topic) => {
    out.string(topic.name);
    out.array(topic.partitions, (po, p) => {
      let errorCode: number = groupError;
      if (errorCode === ErrorCode.NONE && !state.topics.partition(topic.name, p.index)) errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      if (errorCode === ErrorCode.NONE) state.offsets.commit(groupId, topic.name, p.index, p.offset, p.metadata, now);
      po.int32(p.index).int16(errorCode);
    });
  });
  return w;
}

/** OffsetFetch v1–4: -1 for a partition without a commit; null topics (v2+) means every committed one. */
export function offsetFetch(ctx: RequestContext, state: BrokerState): Writer {
  const v = ctx.apiVersion;
  const r = ctx.body;
  const groupId = r.string();
  const requested = r.nullableArray((t) => ({ name: t.string(), partitions: t.array((p) => p.int32()) }));
  const topics = requested ?? [...state.offsets.forGroup(groupId)].map(([name, partitions]) => ({ name, partitions: [...partitions.keys()] }));

  const w = new Writer();
  if (v >= 3) w.int32(0);
  w.array(topics, (out, topic) => {
    out.string(topic.name);
    out.array(topic.partitions, (po, index) => {
      const committed = state.offsets.get(groupId, topic.name, index);
      po.int32(index)
        .int64(committed?.offset ?? -1)
        .nullableString(committed?.metadata ?? '')
        .int16(ErrorCode.NONE);
    });
  });
  if (v >= 2) w.int16(ErrorCode.NONE);
  return w;
}
