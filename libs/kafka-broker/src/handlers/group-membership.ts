import { ErrorCode } from '../protocol/error-codes';
import { Writer } from '../protocol/writer';
import type { BrokerState, RequestContext } from './handler';

/** JoinGroup v0–5; the response waits for the rebalance to complete. */
export async function joinGroup(ctx: RequestContext, state: BrokerState): Promise<Writer> {
  const v = ctx.apiVersion;
  const r = ctx.body;
  const groupId = r.string();
  const sessionTimeoutMs = r.int32();
  const rebalanceTimeoutMs = v >= 1 ? r.int32() : sessionTimeoutMs;
  const memberId = r.string();
  const groupInstanceId = v >= 5 ? r.nullableString() : null;
  const protocolType = r.string();
  const protocols = r.array((p) => ({ name: p.string(), metadata: Buffer.from(p.bytes()) }));

  const result = await state.groups.join({
    groupId,
    sessionTimeoutMs,
    rebalanceTimeoutMs,
    memberId,
    groupInstanceId,
    protocolType,
    protocols,
    clientId: ctx.clientId,
    clientHost: ctx.clientHost,
  });
  const w = new Writer();
  if (v >= 2) w.int32(0);
  w.int16(result.errorCode).int32(result.generationId).string(result.protocolName).string(result.leaderId).string(result.memberId);
  w.array(result.members, (out, m) => {
    out.string(m.memberId);
    if (v >= 5) out.nullableString(m.groupInstanceId);
    out.bytes(m.metadata);
  });
  return w;
}

/** SyncGroup v0–3; followers wait for the leader's assignment. */
export async function syncGroup(ctx: RequestContext, state: BrokerState): Promise<Writer> {
  const v = ctx.apiVersion;
  const r = ctx.body;
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  if (v >= 3) r.nullableString(); // group_instance_id
  const assignments = r.array((a) => ({ memberId: a.string(), assignment: Buffer.from(a.bytes()) }));
  const result = await state.groups.sync({ groupId, generationId, memberId, assignments });
  const w = new Writer();
  if (v >= 1) w.int32(0);
  return w.int16(result.errorCode).bytes(result.assignment);
}

/** Heartbeat v0–3; REBALANCE_IN_PROGRESS is how members learn to rejoin. */
export function heartbeat(ctx: RequestContext, state: BrokerState): Writer {
  const v = ctx.apiVersion;
  const r = ctx.body;
  const groupId = r.string();
  const generationId = r.int32();
  const memberId = r.string();
  if (v >= 3) r.nullableString();
  const w = new Writer();
  if (v >= 1) w.int32(0);
  return w.int16(state.groups.heartbeat(groupId, generationId, memberId));
}

/** LeaveGroup v0–1. */
export function leaveGroup(ctx: RequestContext, state: BrokerState): Writer {
  const groupId = ctx.body.string();
  const memberId = ctx.body.string();
  const w = new Writer();
  if (ctx.apiVersion >= 1) w.int32(0);
  return w.int16(state.groups.leave(groupId, memberId));
}

/** DescribeGroups v0–2. A group with only committed offsets is Empty; an unknown one is Dead. */
export function describeGroups(ctx: RequestContext, state: BrokerState): Writer {
  const groupIds = ctx.body.array((r) => r.string());
  const w = new Writer();
  if (ctx.apiVersion >= 1) w.int32(0);
  w.array(groupIds, (out, groupId) => {
    const group = state.groups.describe(groupId);
    if (!group) {
      const stateName = state.offsets.hasOffsets(groupId) ? 'Empty' : 'Dead';
      out.int16(ErrorCode.NONE).string(groupId).string(stateName).string('').string('').int32(0);
      return;
    }
    out.int16(ErrorCode.NONE).string(groupId).string(group.state).string(group.protocolType).string(group.protocolName);
    out.array(group.members, (mo, m) => {
      mo.string(m.memberId).string(m.clientId).string(m.clientHost).bytes(m.metadata).bytes(m.assignment);
    });
  });
  return w;
}

/** ListGroups v0–2: active groups and groups that only hold committed offsets. */
export function listGroups(ctx: RequestContext, state: BrokerState): Writer {
  const groups = new Map(state.groups.list().map((g) => [g.groupId, g.protocolType]));
  for (const groupId of state.offsets.groupIds()) if (!groups.has(groupId)) groups.set(groupId, 'consumer');
  const w = new Writer();
  if (ctx.apiVersion >= 1) w.int32(0);
  w.int16(ErrorCode.NONE);
  w.array([...groups], (out, [groupId, protocolType]) => out.string(groupId).string(protocolType));
  return w;
}
