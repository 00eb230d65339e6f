/** Polls `condition` until it holds; fails naming `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Waits until `${baseUrl}/health/ready` answers 200. */
export function waitUntilReady(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  return waitFor(async () => (await fetch(`${baseUrl}/health/ready`).catch(() => null))?.ok === true, `${baseUrl} to be ready`, timeoutMs, 250);
}
