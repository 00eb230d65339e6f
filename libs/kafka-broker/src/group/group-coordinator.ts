import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../protocol/error-codes';
import { Group, type JoinResult, type Member, type ProtocolOffer, type SyncResult } from './group';

export interface JoinRequest {
  groupId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string;
  protocols: ProtocolOffer[];
  clientId: string;
  clientHost: string;
}

export interface SyncRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  assignments: { memberId: string; assignment: Buffer }[];
}

export interface CoordinatorOptions {
  minSessionTimeoutMs: number;
  maxSessionTimeoutMs: number;
  initialRebalanceDelayMs: number;
  log: (message: string) => void;
}

export interface GroupDescription {
  groupId: string;
  state: string;
  protocolType: string;
  protocolName: string;
  members: { memberId: string; clientId: string; clientHost: string; metadata: Buffer; assignment: Buffer }[];
}

const EMPTY = Buffer.alloc(0);

/**
 * The classic group coordinator: Join/Sync/Heartbeat/Leave drive each group through Empty →
 * PreparingRebalance → CompletingRebalance → Stable, with session and rebalance timers removing members
 * that stop talking. Joins and syncs are answered when the rebalance completes, so they return promises.
 */
export class GroupCoordinator {
  private readonly groups = new Map<string, Group>();

  constructor(private readonly options: CoordinatorOptions) {}

  join(req: JoinRequest): JoinResult | Promise<JoinResult> {
    if (!req.groupId) return joinError(ErrorCode.INVALID_GROUP_ID, req.memberId);
    if (req.sessionTimeoutMs < this.options.minSessionTimeoutMs || req.sessionTimeoutMs > this.options.maxSessionTimeoutMs) {
      return joinError(ErrorCode.INVALID_SESSION_TIMEOUT, req.memberId);
    }
    let group = this.groups.get(req.groupId);
    if (req.memberId && !group?.members.has(req.memberId)) return joinError(ErrorCode.UNKNOWN_MEMBER_ID, req.memberId);
    if (group && !this.protocolsCompatible(group, req)) return joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, req.memberId);
    if (!group) this.groups.set(req.groupId, (group = new Group(req.groupId)));

    const memberId = req.memberId || `${req.clientId}-${randomUUID()}`;
    let member = group.members.get(memberId);
    if (!member) {
      member = {
        memberId,
        clientId: req.clientId,
        clientHost: req.clientHost,
        groupInstanceId: null,
        sessionTimeoutMs: 0,
        rebalanceTimeoutMs: 0,
        protocols: [],
        assignment: EMPTY,
      };
      group.members.set(memberId, member);
      this.options.log(`group ${group.groupId}: member ${memberId} joined`);
    }
    Object.assign(member, {
      groupInstanceId: req.groupInstanceId,
      sessionTimeoutMs: req.sessionTimeoutMs,
      rebalanceTimeoutMs: req.rebalanceTimeoutMs,
      protocols: req.protocols,
    });
    group.protocolType = req.protocolType;
    const joined = member;
    const target = group;
    return new Promise<JoinResult>((resolve) => {
      joined.pendingJoin?.(joinError(ErrorCode.REBALANCE_IN_PROGRESS, joined.memberId));
      joined.pendingJoin = resolve;
      clearTimeout(joined.sessionTimer);
      if (target.state === 'PreparingRebalance') this.tryCompleteJoin(target);
      else this.prepareRebalance(target);
    });
  }

  sync(req: SyncRequest): SyncResult | Promise<SyncResult> {
    const group = this.groups.get(req.groupId);
    const member = group?.members.get(req.memberId);
    if (!group || !member) return { errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY };
    if (req.generationId !== group.generationId) return { errorCode: ErrorCode.ILLEGAL_GENERATION, assignment: EMPTY };
    if (group.state === 'PreparingRebalance') return { errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY };
    this.startSessionTimer(group, member);
    if (group.state === 'Stable') return { errorCode: ErrorCode.NONE, assignment: member.assignment };
    return new Promise<SyncResult>((resolve) => {
      member.pendingSync = resolve;
      if (req.memberId === group.leaderId) this.completeSync(group, req.assignments);
    });
  }

  heartbeat(groupId: string, generationId: number, memberId: string): number {
    const group = this.groups.get(groupId);
    const member = group?.members.get(memberId);
    if (!group || !member) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    this.startSessionTimer(group, member);
    return group.state === 'PreparingRebalance' ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE;
  }

  leave(groupId: string, memberId: string): number {
    const group = this.groups.get(groupId);
    const member = group?.members.get(memberId);
    if (!group || !member) return ErrorCode.UNKNOWN_MEMBER_ID;
    this.options.log(`group ${groupId}: member ${memberId} left`);
    this.removeMember(group, member);
    return ErrorCode.NONE;
  }

  /** Kafka's rules for who may commit offsets for a group (reference §5). */
  checkCommit(groupId: string, generationId: number, memberId: string): number {
    const group = this.groups.get(groupId);
    const standalone = generationId < 0 && memberId === '';
    if (!group) return standalone ? ErrorCode.NONE : ErrorCode.UNKNOWN_MEMBER_ID;
    if (group.state === 'CompletingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
    const member = group.members.get(memberId);
    if (!member) return standalone && group.state === 'Empty' ? ErrorCode.NONE : ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    if (!member.pendingJoin) this.startSessionTimer(group, member);
    return ErrorCode.NONE;
  }

  describe(groupId: string): GroupDescription | null {
    const group = this.groups.get(groupId);
    if (!group) return null;
    return {
      groupId,
      state: group.state,
      protocolType: group.protocolType,
      protocolName: group.protocolName,
      members: [...group.members.values()].map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        metadata: group.metadataFor(m),
        assignment: m.assignment,
      })),
    };
  }

  list(): { groupId: string; protocolType: string }[] {
    return [...this.groups.values()].map((g) => ({ groupId: g.groupId, protocolType: g.protocolType }));
  }

  shutdown(): void {
    for (const group of this.groups.values()) {
      clearTimeout(group.rebalanceTimer);
      for (const member of group.members.values()) clearTimeout(member.sessionTimer);
    }
    this.groups.clear();
  }

  private protocolsCompatible(group: Group, req: JoinRequest): boolean {
    const others = [...group.members.values()].filter((m) => m.memberId !== req.memberId);
    if (others.length === 0) return true;
    if (group.protocolType !== req.protocolType) return false;
    return req.protocols.some((p) => others.every((o) => o.protocols.some((op) => op.name === p.name)));
  }

  private prepareRebalance(group: Group): void {
    const wasEmpty = group.state === 'Empty';
    for (const member of group.members.values()) {
      member.pendingSync?.({ errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY });
      member.pendingSync = undefined;
    }
    group.state = 'PreparingRebalance';
    const timeout = Math.max(...[...group.members.values()].map((m) => m.rebalanceTimeoutMs || m.sessionTimeoutMs));
    clearTimeout(group.rebalanceTimer);
    group.rebalanceTimer = setTimeout(() => this.completeJoin(group, true), timeout).unref();
    if (wasEmpty && this.options.initialRebalanceDelayMs > 0) {
      group.initialDelayUntil = Date.now() + this.options.initialRebalanceDelayMs;
      setTimeout(() => this.tryCompleteJoin(group), this.options.initialRebalanceDelayMs).unref();
    }
    this.tryCompleteJoin(group);
  }

  private tryCompleteJoin(group: Group): void {
    if (group.state !== 'PreparingRebalance' || Date.now() < group.initialDelayUntil) return;
    const members = [...group.members.values()];
    if (members.length > 0 && members.every((m) => m.pendingJoin)) this.completeJoin(group, false);
  }

  private completeJoin(group: Group, timedOut: boolean): void {
    if (group.state !== 'PreparingRebalance') return;
    clearTimeout(group.rebalanceTimer);
    if (timedOut) {
      for (const member of [...group.members.values()]) {
        if (member.pendingJoin) continue;
        this.options.log(`group ${group.groupId}: member ${member.memberId} did not rejoin in time`);
        clearTimeout(member.sessionTimer);
        group.members.delete(member.memberId);
      }
    }
    if (group.members.size === 0) {
      this.markEmpty(group);
      return;
    }
    group.generationId++;
    group.protocolName = group.selectProtocol();
    if (!group.members.has(group.leaderId)) group.leaderId = group.members.keys().next().value as string;
    group.state = 'CompletingRebalance';
    const memberList = [...group.members.values()].map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      metadata: group.metadataFor(m),
    }));
    this.options.log(`group ${group.groupId}: generation ${group.generationId} with ${group.members.size} member(s)`);
    for (const member of group.members.values()) {
      member.assignment = EMPTY;
      const reply = member.pendingJoin;
      member.pendingJoin = undefined;
      reply?.({
        errorCode: ErrorCode.NONE,
        generationId: group.generationId,
        protocolName: group.protocolName,
        leaderId: group.leaderId,
        memberId: member.memberId,
        members: member.memberId === group.leaderId ? memberList : [],
      });
      this.startSessionTimer(group, member);
    }
  }

  private completeSync(group: Group, assignments: { memberId: string; assignment: Buffer }[]): void {
    const byMember = new Map(assignments.map((a) => [a.memberId, a.assignment]));
    group.state = 'Stable';
    for (const member of group.members.values()) {
      member.assignment = byMember.get(member.memberId) ?? EMPTY;
      member.pendingSync?.({ errorCode: ErrorCode.NONE, assignment: member.assignment });
      member.pendingSync = undefined;
    }
  }

  private startSessionTimer(group: Group, member: Member): void {
    clearTimeout(member.sessionTimer);
    member.sessionTimer = setTimeout(() => {
      if (group.members.get(member.memberId) !== member || member.pendingJoin) return;
      this.options.log(`group ${group.groupId}: member ${member.memberId} expired after ${member.sessionTimeoutMs} ms without a heartbeat`);
      this.removeMember(group, member);
    }, member.sessionTimeoutMs).unref();
  }

  private removeMember(group: Group, member: Member): void {
    clearTimeout(member.sessionTimer);
    group.members.delete(member.memberId);
    member.pendingJoin?.(joinError(ErrorCode.UNKNOWN_MEMBER_ID, member.memberId));
    member.pendingSync?.({ errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY });
    if (group.members.size === 0) this.markEmpty(group);
    else if (group.state === 'PreparingRebalance') this.tryCompleteJoin(group);
    else this.prepareRebalance(group);
  }

  /** An empty group is forgotten; its committed offsets live on in the offset store. */
  private markEmpty(group: Group): void {
    clearTimeout(group.rebalanceTimer);
    group.state = 'Empty';
    this.groups.delete(group.groupId);
  }
}

function joinError(errorCode: number, memberId: string): JoinResult {
  return { errorCode, generationId: -1, protocolName: '', leaderId: '', memberId, members: [] };
}
