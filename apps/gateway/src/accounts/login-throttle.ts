import type { DataSource } from 'typeorm';

export interface ThrottlePolicy {
  /** Failed logins of one NIP from one address before that address is shut out for the NIP. */
  maxFailuresPerAddress: number;
  /** How long the address is shut out; failures older than this are forgotten. */
  lockMs: number;
  /** Failed logins of one NIP from anywhere before each further attempt must wait, longer each time. */
  freeFailuresPerAccount: number;
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Login throttling that an attacker cannot turn against the account's owner. Failures count per NIP
 * and address: five wrong passwords from one address shut that address out for the NIP, while the
 * owner elsewhere still logs in. Across addresses the NIP only slows down: past a number of failures
 * each further attempt waits twice as long as the last, up to the lock time. The same rules apply to
 * every NIP, registered or not, so the answers reveal nothing about which accounts exist.
 *
 * Each attempt is counted before its password is checked (a reservation, settled afterwards), in one
 * atomic statement per key: however many attempts arrive at once, only as many as the policy allows
 * are ever checked.
 */
export class LoginThrottle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: ThrottlePolicy,
  ) {}

  async reserve(nip: string, address: string): Promise<Reservation> {
    const lock = `${this.policy.lockMs} milliseconds`;
    // A row is fresh again once its failures are older than the lock time, or its lock has run out.
    const fresh = `(t.updated_at < now() - $2::interval OR t.locked_until <= now())`;
    const [pair] = (await this.dataSource.query(
      `INSERT INTO login_throttle AS t (key, attempts) VALUES ($1, 1)
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN ${fresh} THEN 1 ELSE t.attempts + 1 END,
         locked_until = CASE WHEN ${fresh} THEN NULL ELSE t.locked_until END,
         updated_at = now()
       WHERE ${fresh} OR (t.locked_until IS NULL AND t.attempts < $3)
       RETURNING attempts`,
      [pairKey(nip, address), lock, this.policy.maxFailuresPerAddress],
    )) as unknown[];
    if (!pair) return this.refusal(pairKey(nip, address), lock);
    // From the free failures on, each attempt pushes the next one back: 1 s, 2 s, 4 s … up to the lock time.
    const [account] = (await this.dataSource.query(
      `INSERT INTO login_throttle AS t (key, attempts) VALUES ($1, 1)
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN t.updated_at < now() - $2::interval THEN 1 ELSE t.attempts + 1 END,
         locked_until = CASE WHEN t.updated_at >= now() - $2::interval AND t.attempts + 1 >= $3
           THEN now() + least(interval '1 second' * power(2, t.attempts + 1 - $3), $2::interval) END,
         updated_at = now()
       WHERE t.updated_at < now() - $2::interval OR t.locked_until IS NULL OR t.locked_until <= now()
       RETURNING attempts`,
      [accountKey(nip), lock, this.policy.freeFailuresPerAccount],
    )) as unknown[];
    if (account) return { allowed: true };
    await this.forgive([pairKey(nip, address)]); // refused before its password was checked: not a failure
    return this.refusal(accountKey(nip), lock);
  }

  /** After the password was checked: a success clears the address's count, a failure may shut it out. */
  async settle(nip: string, address: string, success: boolean): Promise<void> {
    if (success) {
      await this.dataSource.query('UPDATE login_throttle SET attempts = 0, locked_until = NULL WHERE key = $1', [pairKey(nip, address)]);
      return this.forgive([accountKey(nip)]);
    }
    await this.dataSource.query(`UPDATE login_throttle SET locked_until = now() + $2::interval WHERE key = $1 AND attempts >= $3 AND locked_until IS NULL`, [
      pairKey(nip, address),
      `${this.policy.lockMs} milliseconds`,
      this.policy.maxFailuresPerAddress,
    ]);
    if (Math.random() < 0.01) await this.dataSource.query(`DELETE FROM login_throttle WHERE updated_at < now() - interval '1 day'`);
  }

  private async forgive(keys: string[]): Promise<void> {
    await this.dataSource.query('UPDATE login_throttle SET attempts = greatest(attempts - 1, 0) WHERE key = ANY($1)', [keys]);
  }

  private async refusal(key: string, lock: string): Promise<Reservation> {
    const [held] = (await this.dataSource.query(
      `SELECT greatest(1, ceil(extract(epoch FROM coalesce(locked_until, updated_at + $2::interval) - now())))::int AS wait FROM login_throttle WHERE key = $1`,
      [key, lock],
    )) as { wait: number }[];
    return { allowed: false, retryAfterSeconds: held?.wait ?? 1 };
  }
}

const pairKey = (nip: string, address: string) => `${nip}@${address}`;
const accountKey = (nip: string) => `${nip}@*`;
