/**
 * A check-in made on a phone without signal and sent later: the figures an admin sets (rule kind
 * `offline-check-in`, effective-dated like every K-Mob rule).
 */
export interface OfflineCheckInRule {
  /** How long after it was made a check-in may still arrive and count at the phone's time. */
  maxDelayMinutes: number;
  /** How far the phone's clock may run ahead of the server's (a time beyond it is in the future). */
  maxClockAheadSeconds: number;
}

export type CapturedTimeVerdict = { accepted: true; counted: Date } | { accepted: false; reason: 'IN_THE_FUTURE' | 'TOO_LATE' };

/**
 * The time an offline check-in counts at: the phone's, when it is neither in the future (beyond the
 * clock tolerance) nor older than the offline window; a phone clock slightly ahead counts at the
 * server's time, so no check-in is ever counted after it arrived.
 */
export function countedTime(captured: Date, received: Date, rule: OfflineCheckInRule): CapturedTimeVerdict {
  const aheadMs = captured.getTime() - received.getTime();
  if (aheadMs > rule.maxClockAheadSeconds * 1000) return { accepted: false, reason: 'IN_THE_FUTURE' };
  if (-aheadMs > rule.maxDelayMinutes * 60_000) return { accepted: false, reason: 'TOO_LATE' };
  return { accepted: true, counted: aheadMs > 0 ? received : captured };
}
