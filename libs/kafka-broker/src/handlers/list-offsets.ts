import { ErrorCode } from '../protocol/error-codes';
import { Writer } from '../protocol/writer';
import type { BrokerState, RequestContext } from './handler';

const LATEST = -1;
const EARLIEST = -2;

/** ListOffsets v1–2: latest (-1), earliest (-2), or the first batch at or after a timestamp. */
export function listOffsets(ctx: RequestContext, state: BrokerState): Writer {
  const v = ctx.apiVersion;
  const r = ctx.body;
  r.int32(); // replica_id
  if (v >= 2) r.int8(); // isolation_level: LSO equals HW here
  const topics = r.array((t) => ({ name: t.string(), partitions: t.array((p) => ({ index: p.int32(), timestamp: p.int64() })) }));

  const w = new Writer();
  if (v >= 2) w.int32(0);
  w.array(topics, (out, topic) => {
    out.string(topic.name);
    out.array(topic.partitions, (po, p) => {
      const log = state.topics.partition(topic.name, p.index);
      if (!log) {
        po.int32(p.index).int16(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION).int64(-1).int64(-1);
        return;
      }
      const offset = p.timestamp === LATEST ? log.highWatermark : p.timestamp === EARLIEST ? log.logStartOffset : log.offsetForTimestamp(p.timestamp);
      po.int32(p.index).int16(ErrorCode.NONE).int64(-1).int64(offset);
    });
  });
  return w;
}
