import { ADMIN, startGateway, type GatewayHarness } from './gateway-fixture';

/** A login as it reaches the gateway through a proxy that appends the caller's address to X-Forwarded-For. */
async function loginVia(g: GatewayHarness, forwardedFor: string, password: string): Promise<number> {
  const response = await fetch(`${g.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ nip: ADMIN.nip, password }),
  });
  await response.arrayBuffer();
  return response.status;
}

const wrongFiveTimes = async (g: GatewayHarness, forwardedFor: string) => {
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push(await loginVia(g, forwardedFor, `salah-${i}-sandi`));
  return statuses;
};

/**
 * Behind the province's Ingress every caller reaches the gateway from the controller's address; only
 * X-Forwarded-For tells them apart, and only when it comes from a proxy the gateway trusts (TRUST_PROXY).
 */
describe('gateway behind a proxy (TRUST_PROXY)', () => {
  it('throttles logins per forwarded address when the proxy is trusted: one caller’s failures do not lock another', async () => {
    // The test connects from 127.0.0.1, standing for the Ingress controller.
    const g = await startGateway({ TRUST_PROXY: '127.0.0.1' });
    try {
      expect(await wrongFiveTimes(g, '203.0.113.7')).toEqual([401, 401, 401, 401, 401]);
      expect(await loginVia(g, '203.0.113.7', ADMIN.password)).toBe(429);
      // An address the caller wrote in front of the one the proxy appended changes nothing.
      expect(await loginVia(g, '198.51.100.23, 203.0.113.7', ADMIN.password)).toBe(429);
      expect(await loginVia(g, '198.51.100.23', ADMIN.password)).toBe(200);
    } finally {
      await g.close();
    }
  });

  it('ignores X-Forwarded-For by default, where callers reach the gateway directly and could write any address', async () => {
    const g = await startGateway();
    try {
      expect(await wrongFiveTimes(g, '203.0.113.7')).toEqual([401, 401, 401, 401, 401]);
      expect(await loginVia(g, '198.51.100.23', ADMIN.password)).toBe(429);
    } finally {
      await g.close();
    }
  });
});
