import { ErrorCode } from '../protocol/error-codes';
import { Writer } from '../protocol/writer';
import type { BrokerState, RequestContext } from './handler';

/** FindCoordinator v0–2: a single node coordinates every group. */
export function findCoordinator(ctx: RequestContext, state: BrokerState): Writer {
  const v = ctx.apiVersion;
  ctx.body.string(); // key
  if (v >= 1) ctx.body.int8(); // key_type
  const w = new Writer();
  if (v >= 1) w.int32(0);
  w.int16(ErrorCode.NONE);
  if (v >= 1) w.nullableString(null);
  return w.int32(state.options.nodeId).string(state.options.advertisedHost).int32(state.advertisedPort());
}
