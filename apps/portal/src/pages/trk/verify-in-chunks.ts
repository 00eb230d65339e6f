import { api, ApiProblem, unwrap } from '../../api/client';
import { t } from '../../i18n';

/** The platform decides at most this many entries per call, all or none. */
export const MAX_PER_CALL = 500;

export interface Decision {
  decision: 'APPROVE' | 'REDUCE' | 'REJECT';
  minutes?: number;
  reason?: string;
}

export interface VerifyOutcome {
  decided: number;
  /** Each refused call: how many entries it held and the platform's reason (which names the first it could not decide). */
  refused: { count: number; message: string }[];
}

/**
 * A selection of any size decided in calls of at most MAX_PER_CALL, one after another, reporting the
 * count done after each. A refused call leaves its entries in the inbox and the next calls go on, so
 * one entry decided elsewhere meanwhile does not hold back the rest.
 */
export async function verifyInChunks(ids: readonly string[], decision: Decision, onProgress: (processed: number) => void): Promise<VerifyOutcome> {
  const outcome: VerifyOutcome = { decided: 0, refused: [] };
  for (let start = 0; start < ids.length; start += MAX_PER_CALL) {
    const chunk = ids.slice(start, start + MAX_PER_CALL);
    try {
      const answer = await unwrap(api.POST('/api/v1/trk/activities/verify', { body: { ids: [...chunk], ...decision } }));
      outcome.decided += answer.entries.length;
    } catch (problem) {
      outcome.refused.push({ count: chunk.length, message: problem instanceof ApiProblem ? problem.message : t.common.error });
    }
    onProgress(start + chunk.length);
  }
  return outcome;
}
