import { createStore, del, entries, set } from 'idb-keyval';
import { useSyncExternalStore } from 'react';
import { api, ApiProblem, unwrap } from '../api/client';
import type { components } from '../api/schema';

export type CheckInBody = components['schemas']['CheckInDto'];
/** What the phone kept: the check-in as made, with the time it was made. */
export interface QueuedCheckIn {
  body: CheckInBody & { clientId: string; capturedAt: string };
}
export interface QueueState {
  pending: QueuedCheckIn[];
  /** Kept check-ins the server has since stored or refused, to tell the user once. */
  outcomes: { clientId: string; type: 'IN' | 'OUT'; capturedAt: string; accepted: boolean; message?: string }[];
}

const store = createStore('asn-portal', 'check-in-queue');
let state: QueueState = { pending: [], outcomes: [] };
const listeners = new Set<() => void>();
const publish = (next: QueueState) => {
  state = next;
  for (const listener of listeners) listener();
};

async function load() {
  const kept = await entries<string, QueuedCheckIn>(store).catch(() => []);
  publish({ ...state, pending: kept.map(([, value]) => value).sort((a, b) => a.body.capturedAt.localeCompare(b.body.capturedAt)) });
}

/**
 * Check-ins made without a signal, kept in IndexedDB (a selfie does not fit in localStorage) and sent
 * in the order they were made when the signal returns. Each carries its own clientId, so a send whose
 * answer is lost is repeated safely: the server answers the stored check-in instead of a second one.
 */
export const checkInQueue = {
  async keep(body: CheckInBody): Promise<QueuedCheckIn> {
    const item: QueuedCheckIn = { body: { ...body, clientId: crypto.randomUUID(), capturedAt: new Date().toISOString() } };
    await set(item.body.clientId, item, store);
    await load();
    return item;
  },
  async flush(): Promise<void> {
    if (flushing) return flushing;
    flushing = (async () => {
      await load();
      for (const item of state.pending) {
        try {
          await unwrap(api.POST('/api/v1/kmob/check-ins', { body: item.body }));
          await del(item.body.clientId, store);
          state.outcomes.push({ clientId: item.body.clientId, type: item.body.type, capturedAt: item.body.capturedAt, accepted: true });
        } catch (problem) {
          // No signal yet (or the server is away): keep it and try again later.
          if (!(problem instanceof ApiProblem) || problem.status === 0 || problem.status >= 500 || problem.status === 401 || problem.status === 429) break;
          await del(item.body.clientId, store);
          state.outcomes.push({
            clientId: item.body.clientId,
            type: item.body.type,
            capturedAt: item.body.capturedAt,
            accepted: false,
            message: problem.message,
          });
        }
      }
      await load();
    })().finally(() => (flushing = null));
    return flushing;
  },
  dismissOutcomes() {
    publish({ ...state, outcomes: [] });
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: () => state,
  start() {
    void load().then(() => (navigator.onLine ? checkInQueue.flush() : undefined));
    window.addEventListener('online', () => void checkInQueue.flush());
    // Some phones report "online" before data flows; try again every half minute while anything waits.
    setInterval(() => {
      if (state.pending.length > 0 && navigator.onLine) void checkInQueue.flush();
    }, 30_000);
  },
};
let flushing: Promise<void> | null = null;

export function useCheckInQueue(): QueueState {
  return useSyncExternalStore(checkInQueue.subscribe, checkInQueue.get);
}
