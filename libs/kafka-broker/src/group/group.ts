export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable';

export interface ProtocolOffer {
  name: string;
  metadata: Buffer;
}

export interface JoinResult {
  errorCode: number;
  generationId: number;
  protocolName: string;
  leaderId: string;
  memberId: string;
  members: { memberId: string; groupInstanceId: string | null; metadata: Buffer }[];
}

export interface SyncResult {
  errorCode: number;
  assignment: Buffer;
}

export interface Member {
  memberId: string;
  clientId: string;
  clientHost: string;
  groupInstanceId: string | null;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocols: ProtocolOffer[];
  assignment: Buffer;
  pendingJoin?: (result: JoinResult) => void;
  pendingSync?: (result: SyncResult) => void;
  sessionTimer?: NodeJS.Timeout;
}

/** One consumer group of the classic protocol (reference §4). */
export class Group {
  state: GroupState = 'Empty';
  generationId = 0;
  protocolType = '';
  protocolName = '';
  leaderId = '';
  readonly members = new Map<string, Member>();
  rebalanceTimer?: NodeJS.Timeout;
  initialDelayUntil = 0;

  constructor(readonly groupId: string) {}

  /** Protocols every member offers, in the preference order of the first member. */
  commonProtocols(): string[] {
    const members = [...this.members.values()];
    if (members.length === 0) return [];
    return members[0].protocols.map((p) => p.name).filter((name) => members.every((m) => m.protocols.some((p) => p.name === name)));
  }

  /** Kafka's vote: each member picks its first common protocol; the most picks wins. */
  selectProtocol(): string {
    const candidates = this.commonProtocols();
    const votes = new Map<string, number>(candidates.map((c) => [c, 0]));
    for (const member of this.members.values()) {
      const choice = member.protocols.find((p) => votes.has(p.name));
      if (choice) votes.set(choice.name, (votes.get(choice.name) ?? 0) + 1);
    }
    let best = candidates[0] ?? '';
    for (const [name, count] of votes) if (count > (votes.get(best) ?? -1)) best = name;
    return best;
  }

  metadataFor(member: Member): Buffer {
    return member.protocols.find((p) => p.name === this.protocolName)?.metadata ?? Buffer.alloc(0);
  }
}
