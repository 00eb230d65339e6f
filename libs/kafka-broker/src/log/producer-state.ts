import { ErrorCode } from '../protocol/error-codes';

interface RecentBatch {
  firstSequence: number;
  lastSequence: number;
  baseOffset: number;
}

interface ProducerEntry {
  epoch: number;
  recent: RecentBatch[];
}

/** Kafka keeps the last five batches of each idempotent producer to recognise retried sends. */
const RECENT_BATCHES = 5;
const INT32_MAX = 0x7fffffff;

export type SequenceCheck = { kind: 'append' } | { kind: 'duplicate'; baseOffset: number } | { kind: 'error'; errorCode: number };

/**
 * Idempotent-producer bookkeeping for one partition: a retried batch (same producer, epoch and first
 * sequence) is answered with its original offset instead of being written twice.
 */
export class ProducerStateTable {
  private readonly producers = new Map<number, ProducerEntry>();

  check(producerId: number, epoch: number, firstSequence: number): SequenceCheck {
    if (producerId < 0) return { kind: 'append' };
    const entry = this.producers.get(producerId);
    if (!entry || epoch !== entry.epoch || entry.recent.length === 0) return { kind: 'append' };
    const duplicate = entry.recent.find((b) => b.firstSequence === firstSequence);
    if (duplicate) return { kind: 'duplicate', baseOffset: duplicate.baseOffset };
    const expected = nextSequence(entry.recent[entry.recent.length - 1].lastSequence);
    if (firstSequence !== expected) return { kind: 'error', errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER };
    return { kind: 'append' };
  }

  record(producerId: number, epoch: number, firstSequence: number, recordCount: number, baseOffset: number): void {
    if (producerId < 0) return;
    let entry = this.producers.get(producerId);
    if (!entry || entry.epoch !== epoch) {
      entry = { epoch, recent: [] };
      this.producers.set(producerId, entry);
    }
    const lastSequence = (firstSequence + Math.max(recordCount - 1, 0)) % (INT32_MAX + 1);
    entry.recent.push({ firstSequence, lastSequence, baseOffset });
    if (entry.recent.length > RECENT_BATCHES) entry.recent.shift();
  }
}

function nextSequence(sequence: number): number {
  return sequence === INT32_MAX ? 0 : sequence + 1;
}
