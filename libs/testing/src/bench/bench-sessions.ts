import { Client } from 'pg';
import { waitFor } from '../wait';

/**
 * What `accounts` logins would leave in the gateway's database: every account active with one session,
 * by NIP. The benches mint the access tokens themselves (with the gateway's code and key), so tens of
 * thousands of argon2 logins do not dominate a run that measures something else.
 */
export async function openBenchSessions(gatewayDbUrl: string, accounts: number): Promise<Map<string, string>> {
  const db = new Client({ connectionString: gatewayDbUrl });
  await db.connect();
  try {
    await waitFor(
      async () => (await db.query('SELECT count(*)::int AS n FROM account')).rows[0].n >= accounts,
      'the gateway to hold every account',
      300_000,
      500,
    );
    await db.query(`UPDATE account SET status = 'ACTIVE' WHERE status = 'INACTIVE'`);
    const { rows } = await db.query('INSERT INTO auth_session (nip) SELECT nip FROM account RETURNING id, nip');
    return new Map((rows as { id: string; nip: string }[]).map((r) => [r.nip, r.id]));
  } finally {
    await db.end();
  }
}
