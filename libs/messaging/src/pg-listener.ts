import { Client } from 'pg';

export interface PgListener {
  close(): Promise<void>;
}

/**
 * LISTEN on a PostgreSQL channel over a connection of its own, reconnecting after a lost connection
 * (callers poll as well, so nothing is missed while it is down). Notifications are coalesced over
 * `coalesceMs`: a burst of commits wakes the caller once.
 */
export async function listenToChannel(
  databaseUrl: string,
  channel: string,
  onNotify: () => void,
  options: { coalesceMs: number; log: { warn(message: string): void } },
): Promise<PgListener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
  let client: Client | null = null;
  let closed = false;
  let scheduled = false;
  const connect = async () => {
    const next = new Client({ connectionString: databaseUrl });
    next.on('notification', () => {
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        onNotify();
      }, options.coalesceMs);
    });
    next.on('error', (error) => {
      options.log.warn(`LISTEN ${channel}: connection lost (${error.message}); polling until it is back`);
      client = null;
      if (!closed) setTimeout(() => void connect().catch(() => undefined), 1000).unref();
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
  };
  await connect();
  return {
    async close() {
      closed = true;
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
