import { freePort, startRedisServer, type RunningRedis } from '@app/testing';
import Redis from 'ioredis';
import { ADMIN, startGateway, type GatewayHarness } from './gateway-fixture';

describe('gateway rate limits', () => {
  let g: GatewayHarness;

  beforeAll(async () => {
    g = await startGateway({
      UPSTREAMS: `siap=http://127.0.0.1:${await freePort()}`,
      RATE_LIMIT_PER_ACCOUNT_PER_MINUTE: '3',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '10',
    });
  });
  afterAll(() => g.close());

  it('limits each account, then each client address, with 429 and Retry-After', async () => {
    const token = (await g.call('POST', '/api/v1/auth/login', ADMIN)).body.accessToken; // request 1 from this address
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await g.call('GET', '/api/v1/siap/units', undefined, token)).status); // 2–5
    expect(statuses).toEqual([502, 502, 502, 429]);

    const limited = await fetch(`${g.baseUrl}/api/v1/siap/units`, { headers: { authorization: `Bearer ${token}` } }); // 6
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { message: string }).message).toMatch(/^Terlalu banyak permintaan/);

    for (let i = 0; i < 4; i++) expect((await g.call('POST', '/api/v1/auth/login', { nip: ADMIN.nip, password: 'wrong-password-1' })).status).toBe(401); // 7–10
    const blocked = await g.call('POST', '/api/v1/auth/login', ADMIN); // 11: over the address limit, even with the right password
    expect(blocked.status).toBe(429);
    expect((await g.call('GET', '/health/live')).status).toBe(200);
    // The portal's pages and files stay reachable for the office behind the same address; only the API is limited.
    expect((await g.call('GET', '/presensi')).status).not.toBe(429);
    expect((await g.call('GET', '/assets/index-0.js')).status).not.toBe(429);
    expect((await g.call('GET', '/api/v1/auth/me', undefined, token)).status).toBe(429);
  });
});

describe('gateway rate limits kept in Redis', () => {
  let redis: RunningRedis;
  let g: GatewayHarness;

  beforeAll(async () => {
    redis = await startRedisServer();
    g = await startGateway({ UPSTREAMS: `siap=http://127.0.0.1:${await freePort()}`, RATE_LIMIT_PER_ACCOUNT_PER_MINUTE: '2', REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await g.close();
    await redis.stop();
  });

  it('counts per account and per address in Redis, so several gateways share the limits', async () => {
    const token = (await g.call('POST', '/api/v1/auth/login', ADMIN)).body.accessToken;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await g.call('GET', '/api/v1/siap/units', undefined, token)).status);
    expect(statuses).toEqual([502, 502, 429]);
    const client = new Redis(redis.url);
    const keys = await client.keys('asn-rl-*');
    await client.quit();
    expect(keys.some((k) => k.startsWith(`asn-rl-acct:${ADMIN.nip}:`))).toBe(true);
    expect(keys.some((k) => k.startsWith('asn-rl-addr-'))).toBe(true);
  });
});
