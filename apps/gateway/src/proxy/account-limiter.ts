import type Redis from 'ioredis';

/**
 * Requests per account per minute, a fixed window counted in Redis when the gateway runs as several
 * instances, in memory otherwise. Written here because @fastify/rate-limit lets one limiter run per
 * request, and the per-address limiter already has that place (it must run before authentication).
 */
export class AccountLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly maxPerMinute: number,
    private readonly redis?: Redis,
  ) {}

  /** Seconds to wait when over the limit, else 0. */
  async take(account: string): Promise<number> {
    const windowStart = Math.floor(Date.now() / 60_000) * 60_000;
    const resetAt = windowStart + 60_000;
    let count: number;
    if (this.redis) {
      const key = `asn-rl-acct:${account}:${windowStart}`;
      const [[, incremented]] = (await this.redis.multi().incr(key).pexpire(key, 61_000).exec()) as [[unknown, number]];
      count = incremented;
    } else {
      const current = this.windows.get(account);
      count = current && current.resetAt === resetAt ? current.count + 1 : 1;
      this.windows.set(account, { count, resetAt });
      if (this.windows.size > 100_000) this.windows.clear();
    }
    return count > this.maxPerMinute ? Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)) : 0;
  }
}
