import { ErrorCode } from '../protocol/error-codes';
import { Writer } from '../protocol/writer';
import type { BrokerState, RequestContext } from './handler';

interface FetchPartition {
  partition: number;
  fetchOffset: number;
  maxBytes: number;
}

interface FetchTopic {
  topic: string;
  partitions: FetchPartition[];
}

interface PartitionData {
  partition: number;
  errorCode: number;
  highWatermark: number;
  logStartOffset: number;
  chunks: Buffer[];
  size: number;
}

/**
 * Fetch v4–11 with long polling: when less than min_bytes is ready the request waits for an append to
 * any partition it reads, and never longer than the max_wait_ms it asked for (kafkajs heartbeats only
 * between fetches, so holding a fetch longer could expire its group session).
 */
export async function fetch(ctx: RequestContext, state: BrokerState): Promise<Writer> {
  const v = ctx.apiVersion;
  const r = ctx.body;
  r.int32(); // replica_id
  const maxWaitMs = r.int32();
  const minBytes = r.int32();
  const maxBytes = r.int32();
  r.int8(); // isolation_level: nothing is transactional, so LSO = HW
  if (v >= 7) {
    r.int32(); // session_id: we always answer 0, so clients send full fetches (KIP-227)
    r.int32(); // session_epoch
  }
  const topics: FetchTopic[] = r.array((t) => ({
    topic: t.string(),
    partitions: t.array((p) => {
      const partition = p.int32();
      if (v >= 9) p.int32(); // current_leader_epoch
      const fetchOffset = p.int64();
      if (v >= 5) p.int64(); // log_start_offset (followers only)
      return { partition, fetchOffset, maxBytes: p.int32() };
    }),
  }));
  // forgotten_topics_data (v7+) and rack_id (v11) need no reading: nothing after them matters.

  const deadline = Date.now() + Math.max(0, maxWaitMs);
  let result = collect(topics, maxBytes, state);
  while (result.total < Math.max(minBytes, 1) && !result.hasError && Date.now() < deadline) {
    const woken = await waitForAppend(topics, deadline - Date.now(), ctx, state);
    if (woken === 'closed') break;
    result = collect(topics, maxBytes, state);
  }
  return encode(v, result.responses);
}

function collect(topics: FetchTopic[], maxBytes: number, state: BrokerState) {
  let total = 0;
  let hasError = false;
  const responses = topics.map((t) => ({
    topic: t.topic,
    partitions: t.partitions.map((p): PartitionData => {
      const log = state.topics.partition(t.topic, p.partition);
      if (!log) {
        hasError = true;
        return { partition: p.partition, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, highWatermark: -1, logStartOffset: -1, chunks: [], size: 0 };
      }
      const budget = Math.min(p.maxBytes, Math.max(maxBytes - total, 0));
      const read = log.read(p.fetchOffset, budget, total === 0);
      const base = { partition: p.partition, highWatermark: log.highWatermark, logStartOffset: log.logStartOffset };
      if (!read) {
        hasError = true;
        return { ...base, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE, chunks: [], size: 0 };
      }
      total += read.size;
      return { ...base, errorCode: ErrorCode.NONE, chunks: read.chunks, size: read.size };
    }),
  }));
  return { responses, total, hasError };
}

function waitForAppend(topics: FetchTopic[], waitMs: number, ctx: RequestContext, state: BrokerState): Promise<'append' | 'timeout' | 'closed'> {
  return new Promise((resolve) => {
    const unsubscribe: (() => void)[] = [];
    let done = false;
    const finish = (why: 'append' | 'timeout' | 'closed') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const off of unsubscribe) off();
      resolve(why);
    };
    const timer = setTimeout(() => finish('timeout'), waitMs);
    for (const t of topics) {
      const topic = state.topics.get(t.topic);
      for (const p of t.partitions) {
        const log = topic?.partitions[p.partition];
        if (log) unsubscribe.push(log.onAppend(() => finish('append')));
      }
    }
    unsubscribe.push(ctx.onClose(() => finish('closed')));
  });
}

function encode(v: number, responses: { topic: string; partitions: PartitionData[] }[]): Writer {
  const w = new Writer();
  w.int32(0); // throttle_time_ms
  if (v >= 7) w.int16(ErrorCode.NONE).int32(0);
  w.array(responses, (out, t) => {
    out.string(t.topic);
    out.array(t.partitions, (po, p) => {
      po.int32(p.partition).int16(p.errorCode).int64(p.highWatermark).int64(p.highWatermark);
      if (v >= 5) po.int64(p.logStartOffset);
      po.int32(0); // aborted_transactions: empty
      if (v >= 11) po.int32(-1); // preferred_read_replica
      po.bytesFromChunks(p.chunks, p.size);
    });
  });
  return w;
}
