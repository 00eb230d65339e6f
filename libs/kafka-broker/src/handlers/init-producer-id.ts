import { ErrorCode } from '../protocol/error-codes';
import { Writer } from '../protocol/writer';
import type { BrokerState, RequestContext } from './handler';

/** InitProducerId v0–1: a fresh id for each idempotent producer (transactions are out of scope). */
export function initProducerId(ctx: RequestContext, state: BrokerState): Writer {
  ctx.body.nullableString(); // transactional_id
  ctx.body.int32(); // transaction_timeout_ms
  return new Writer().int32(0).int16(ErrorCode.NONE).int64(state.nextProducerId()).int16(0);
}
