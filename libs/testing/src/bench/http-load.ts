import { Pool } from 'undici';
import { percentile } from '../percentile';
import { fmt } from './table';

/** One request of a load run. */
export interface HttpShot {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  /** Wall time of the timed part. */
  seconds: number;
  /** Requests timed (warm-up excluded). */
  requests: number;
  perSecond: number;
  /** Sorted, in ms. */
  latencies: number[];
  /** Answers other than the expected status, by status. */
  failures: Map<number, number>;
}

/**
 * One request through undici's Pool (rather than fetch: the load generator shares the cores with what
 * it measures). Reads the body only when the answer is unexpected, and prints the first such answer.
 */
async function send(pool: Pool, shot: HttpShot, expected: number, failures: Map<number, number>): Promise<void> {
  const response = await pool.request({ path: shot.path, method: shot.method ?? 'GET', headers: shot.headers, body: shot.body });
  if (response.statusCode === expected) return void (await response.body.dump());
  const text = await response.body.text();
  if (failures.size === 0) console.log(`  first failure: ${response.statusCode} ${text.slice(0, 300)}`);
  failures.set(response.statusCode, (failures.get(response.statusCode) ?? 0) + 1);
}

/**
 * `clients` connections, each sending its next request as soon as the last is answered: the fastest
 * the target can take them. Either every shot of `count` once (the time for all of them), or shots for
 * `seconds` after `warmUpSeconds` (requests per second over that window).
 */
export async function closedLoop(
  origin: string,
  shot: (i: number) => HttpShot,
  options: { clients: number; count?: number; seconds?: number; warmUpSeconds?: number; expected?: number; progress?: boolean },
): Promise<LoadResult> {
  const { clients, count, expected = 200 } = options;
  if ((count === undefined) === (options.seconds === undefined)) throw new Error('closedLoop needs either count or seconds');
  const pool = new Pool(origin, { connections: clients });
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  let next = 0;
  let reported = 0;
  const progress = options.progress
    ? setInterval(() => {
        const recent = latencies.slice(reported).sort((a, b) => a - b);
        reported = latencies.length;
        console.log(
          `  ${fmt(latencies.length)}${count === undefined ? '' : ` / ${fmt(count)}`}   last 2 s: p50 ${percentile(recent, 50).toFixed(0)} ms, p99 ${percentile(recent, 99).toFixed(0)} ms`,
        );
      }, 2000)
    : undefined;
  let start = performance.now();
  const warmUntil = count === undefined ? start + (options.warmUpSeconds ?? 0) * 1000 : start;
  const end = count === undefined ? warmUntil + options.seconds! * 1000 : Infinity;
  if (count === undefined) start = warmUntil;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; count === undefined ? performance.now() < end : i < count; i = next++) {
        const t = performance.now();
        await send(pool, shot(i), expected, failures);
        if (t >= warmUntil) latencies.push(performance.now() - t);
      }
    }),
  );
  // A timed window counts the requests started in it over its nominal length, as the gateway bench always has.
  const seconds = count === undefined ? options.seconds! : (performance.now() - start) / 1000;
  clearInterval(progress);
  await pool.close();
  return { seconds, requests: latencies.length, perSecond: latencies.length / seconds, latencies: latencies.sort((a, b) => a - b), failures };
}

/**
 * `count` requests arriving on a fixed schedule of `rate` per second whatever the answers (open loop),
 * over `connections`, at most `maxInFlight` outstanding. At saturation latency is only queueing, so
 * this is where the latency a caller sees at a given load is measured. Latency runs from the scheduled
 * time (`from: 'schedule'`: time spent waiting for a free slot counts) or from the send; the first
 * `warmUp` requests are not timed. A request less than 1 ms ahead of its time is sent at once (a timer
 * cannot wait that little), and timed from its send: from its due time it would look up to 1 ms faster
 * than it was, which is all of a bare server's answer.
 */
export async function paced(
  origin: string,
  shot: (i: number) => HttpShot,
  options: {
    rate: number;
    count: number;
    connections: number;
    maxInFlight?: number;
    warmUp?: number;
    from?: 'schedule' | 'send';
    expected?: number;
    progress?: boolean;
  },
): Promise<LoadResult> {
  const { rate, count, expected = 200, warmUp = 0, maxInFlight = Infinity } = options;
  const pool = new Pool(origin, { connections: options.connections });
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  const inFlight = new Set<Promise<void>>();
  const progress = options.progress ? setInterval(() => console.log(`  ${fmt(latencies.length)} / ${fmt(count - warmUp)}`), 5000) : undefined;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    const sent = performance.now();
    const request: Promise<void> = send(pool, shot(i), expected, failures).then(() => {
      if (i >= warmUp) latencies.push(performance.now() - (options.from === 'send' ? sent : Math.max(due, sent)));
      inFlight.delete(request);
    });
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  clearInterval(progress);
  await pool.close();
  return { seconds, requests: latencies.length, perSecond: count / seconds, latencies: latencies.sort((a, b) => a - b), failures };
}
