import { ErrorCode } from '../protocol/error-codes';
import { Writer } from '../protocol/writer';
import type { BrokerState, RequestContext } from './handler';

interface PartitionResult {
  index: number;
  errorCode: number;
  baseOffset: number;
  logStartOffset: number;
}

/** Produce v3–7. Batches are stored as sent, with only their base offset stamped. */
export function produce(ctx: RequestContext, state: BrokerState): Writer | null {
  const v = ctx.apiVersion;
  const r = ctx.body;
  r.nullableString(); // transactional_id: transactions are out of scope
  const acks = r.int16();
  r.int32(); // timeout_ms: every write completes before we answer
  const topics = r.array((t) => ({
    name: t.string(),
    partitions: t.array((p) => ({ index: p.int32(), records: p.nullableBytes() })),
  }));

  const results = topics.map((topic) => ({
    name: topic.name,
    partitions: topic.partitions.map((p): PartitionResult => {
      const log = state.topics.partition(topic.name, p.index);
      if (!log) return { index: p.index, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, baseOffset: -1, logStartOffset: -1 };
      const appended = log.append(p.records);
      return { index: p.index, errorCode: appended.errorCode, baseOffset: appended.baseOffset, logStartOffset: log.logStartOffset };
    }),
  }));
  if (acks === 0) return null;

  const w = new Writer();
  w.array(results, (out, topic) => {
    out.string(topic.name);
    out.array(topic.partitions, (po, p) => {
      po.int32(p.index).int16(p.errorCode).int64(p.baseOffset).int64(-1);
      if (v >= 5) po.int64(p.logStartOffset);
    });
  });
  w.int32(0);
  return w;
}
