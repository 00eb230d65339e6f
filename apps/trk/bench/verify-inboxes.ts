import { Pool } from 'undici';
import { fmt } from '@app/testing';

/** What clearing the inboxes took: each inbox's time (read and every decision), in ms, sorted. */
export interface InboxRun {
  seconds: number;
  inboxes: number;
  verified: number;
  latencies: number[];
  failures: Map<number, number>;
}

/** The verification endpoint's bulk limit. */
const MAX_IDS = 500;

/**
 * Every verifier clears their inbox as the portal does: reads it (GET /activities/pending) and approves
 * what is there in bulk, up to 500 entries a call; `clients` verifiers at a time, each taking the next
 * as soon as they are done. The last verifier (BKD) goes once the others have finished, since its inbox
 * holds the entries whose atasan is outside the platform.
 */
export async function verifyInboxes(gw: string, verifiers: Record<string, string>[], clients: number): Promise<InboxRun> {
  const pool = new Pool(gw, { connections: clients });
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  let verified = 0;
  const fail = async (status: number, body: { text(): Promise<string> }) => {
    if (failures.size === 0) console.log(`  first failure: ${status} ${(await body.text()).slice(0, 300)}`);
    failures.set(status, (failures.get(status) ?? 0) + 1);
  };
  const clear = async (headers: Record<string, string>) => {
    const t = performance.now();
    const inbox = await pool.request({ method: 'GET', path: '/api/v1/trk/activities/pending', headers: { authorization: headers.authorization } });
    if (inbox.statusCode !== 200) return fail(inbox.statusCode, inbox.body);
    const ids = ((await inbox.body.json()) as { id: string }[]).map((e) => e.id);
    for (let from = 0; from < ids.length; from += MAX_IDS) {
      const chunk = ids.slice(from, from + MAX_IDS);
      const decided = await pool.request({
        method: 'POST',
        path: '/api/v1/trk/activities/verify',
        headers,
        body: JSON.stringify({ ids: chunk, decision: 'APPROVE' }),
      });
      if (decided.statusCode !== 200) return fail(decided.statusCode, decided.body);
      await decided.body.dump();
      verified += chunk.length;
    }
    latencies.push(performance.now() - t);
  };
  const progress = setInterval(() => console.log(`  ${fmt(latencies.length)} / ${fmt(verifiers.length)} inboxes, ${fmt(verified)} entries approved`), 2000);
  const start = performance.now();
  try {
    const atasan = verifiers.slice(0, -1);
    let next = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = next++; i < atasan.length; i = next++) await clear(atasan[i]);
      }),
    );
    await clear(verifiers.at(-1)!);
  } finally {
    clearInterval(progress);
    await pool.close();
  }
  return { seconds: (performance.now() - start) / 1000, inboxes: latencies.length, verified, latencies: latencies.sort((a, b) => a - b), failures };
}
