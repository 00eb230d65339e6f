import * as http from 'node:http';
import { ADMIN, employee, startGateway, waitFor, type GatewayHarness } from './gateway-fixture';

const PASSWORD = 'Palu-Sulteng-2026';
const ACTIVE = '199001012015031002';
const INACTIVE = '199101012016032003';
const UNKNOWN = '198001012005031009';
const SECOND_ADMIN = '197501012000031001';
const CLERK = '198501012010031005';

/** A login sent from another loopback address (127.0.0.2), as a second machine would. */
function loginFrom(address: string, port: number, nip: string, password: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ nip, password });
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        localAddress: address,
        path: '/api/v1/auth/login',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('gateway: logins and sessions under attack', () => {
  let g: GatewayHarness;
  let admin: string;
  let port: number;

  beforeAll(async () => {
    g = await startGateway();
    port = Number(new URL(g.baseUrl).port);
    admin = (await g.call('POST', '/api/v1/auth/login', ADMIN)).body.accessToken;
    for (const nip of [ACTIVE, INACTIVE, SECOND_ADMIN, CLERK]) await g.publishEmployee('registered', employee(nip));
    await waitFor(async () => (await g.db.query('SELECT count(*)::int AS n FROM account')).at(0).n === 5, 'the accounts from the events');
    for (const nip of [ACTIVE, SECOND_ADMIN, CLERK]) {
      const code = (await g.call('POST', `/api/v1/auth/accounts/${nip}/activation`, undefined, admin)).body.code;
      expect((await g.call('POST', '/api/v1/auth/activate', { nip, code, newPassword: PASSWORD })).status).toBe(204);
    }
    expect((await g.call('PUT', `/api/v1/auth/accounts/${SECOND_ADMIN}/roles`, { roles: ['ADMIN_BKD'] }, admin)).status).toBe(200);
  });
  afterAll(() => g.close());

  it('checks only five of 40 simultaneous wrong passwords, then refuses even the right one from that address', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => g.call('POST', '/api/v1/auth/login', { nip: ACTIVE, password: `salah-${i}-sandi` })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    expect((await g.call('POST', '/api/v1/auth/login', { nip: ACTIVE, password: PASSWORD })).status).toBe(429);
    // The owner, from another machine, is not locked out by the attacker's failures.
    expect(await loginFrom('127.0.0.2', port, ACTIVE, PASSWORD)).toBe(200);
  });

  it('answers unknown, inactive and active NIPs alike, after the same work, and throttles them alike', async () => {
    const timings: Record<string, number[]> = { [UNKNOWN]: [], [INACTIVE]: [], [CLERK]: [] };
    const bodies = new Set<string>();
    for (let round = 0; round < 4; round++) {
      for (const nip of Object.keys(timings)) {
        const started = performance.now();
        const reply = await g.call('POST', '/api/v1/auth/login', { nip, password: `bukan-${round}-sandinya` });
        timings[nip].push(performance.now() - started);
        expect(reply.status).toBe(401);
        bodies.add(`${reply.body.statusCode} ${reply.body.message}`);
      }
    }
    expect([...bodies]).toEqual(['401 NIP atau kata sandi salah']);
    // Each answer costs one argon2 check: an unknown NIP is no faster than a real account (it was 2 ms against 35 ms).
    const real = median(timings[CLERK]);
    expect(median(timings[UNKNOWN])).toBeGreaterThan(real / 2);
    expect(median(timings[INACTIVE])).toBeGreaterThan(real / 2);
    for (const nip of Object.keys(timings)) {
      expect((await g.call('POST', '/api/v1/auth/login', { nip, password: 'bukan-4-sandinya' })).status).toBe(401);
      const throttled = await g.call('POST', '/api/v1/auth/login', { nip, password: 'bukan-5-sandinya' });
      expect([throttled.status, throttled.body.message]).toEqual([429, 'Terlalu banyak percobaan masuk yang gagal; coba lagi dalam 15 menit']);
    }
  });

  it('lets exactly one of six simultaneous refreshes of one token win', async () => {
    const session = (await loginAs(g, SECOND_ADMIN)).body;
    const answers = await Promise.all(Array.from({ length: 6 }, () => g.call('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401, 401, 401, 401]);
  });

  /** An authenticated call that changes nothing: 400 (wrong current password) while the token stands, 401 once it does not. */
  const probe = async (token: string) =>
    (await g.call('POST', '/api/v1/auth/password', { currentPassword: 'bukan-sandinya-1', newPassword: 'Apa-saja-2026' }, token)).status;

  it('ends access at once on logout, password change, demotion and termination', async () => {
    const phone = (await loginAs(g, SECOND_ADMIN)).body;
    const desk = (await loginAs(g, SECOND_ADMIN)).body;
    expect(await probe(phone.accessToken)).toBe(400);
    expect((await g.call('POST', '/api/v1/auth/logout', { refreshToken: phone.refreshToken })).status).toBe(204);
    expect(await probe(phone.accessToken)).toBe(401);
    expect(await probe(desk.accessToken)).toBe(400); // another session of the same person goes on

    expect((await g.call('GET', '/api/v1/audit', undefined, desk.accessToken)).status).toBe(200);
    expect((await g.call('PUT', `/api/v1/auth/accounts/${SECOND_ADMIN}/roles`, { roles: ['PEGAWAI'] }, admin)).status).toBe(200);
    expect((await g.call('GET', '/api/v1/audit', undefined, desk.accessToken)).status).toBe(403);
    expect((await g.call('PUT', `/api/v1/auth/accounts/${ADMIN.nip}/roles`, { roles: ['PEGAWAI'] }, admin)).status).toBe(403); // not one's own

    const other = (await loginAs(g, SECOND_ADMIN)).body;
    expect((await g.call('POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'Donggala-2026x' }, desk.accessToken)).status).toBe(204);
    expect(await probe(other.accessToken)).toBe(401);
    expect(await probe(desk.accessToken)).toBe(401);

    const last = (await g.call('POST', '/api/v1/auth/login', { nip: SECOND_ADMIN, password: 'Donggala-2026x' })).body;
    expect(await probe(last.accessToken)).toBe(400);
    await g.publishEmployee('terminated', employee(SECOND_ADMIN, { status: 'PENSIUN', version: 2 }));
    await waitFor(async () => (await g.db.query('SELECT status FROM account WHERE nip = $1', [SECOND_ADMIN]))[0].status === 'DISABLED', 'the termination');
    // Applied by the projection's transaction; this gateway hears of it by NOTIFY, within moments.
    await waitFor(async () => (await probe(last.accessToken)) === 401, 'the terminated account to lose access', 2_000);
  });

  it('keeps what a client typed out of the audit trail unless it is a NIP, and a request id only when it is a plain token', async () => {
    await g.call('POST', '/api/v1/auth/login', { nip: `${'1'.repeat(17)}\u0007`, password: 'x' });
    const odd = await fetch(`${g.baseUrl}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'abc def<script>' },
      body: JSON.stringify({ refreshToken: 'tidak-ada' }),
    });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const plain = await fetch(`${g.baseUrl}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'portal-7f3a.1' },
      body: JSON.stringify({ refreshToken: 'tidak-ada' }),
    });
    expect(plain.headers.get('x-request-id')).toBe('portal-7f3a.1');
    const entries = (await g.call('GET', '/api/v1/audit?limit=20', undefined, admin)).body.items as { actorNip: string | null; requestId: string }[];
    expect(entries.every((e) => e.actorNip === null || /^\d{18}$/.test(e.actorNip))).toBe(true);
    expect(entries.some((e) => e.requestId === 'portal-7f3a.1')).toBe(true);
    expect(entries.some((e) => e.requestId.includes('<'))).toBe(false);
  });

  it('shows metrics only to the machine itself or a scraper holding the token, and readiness without details', async () => {
    expect((await fetch(`${g.baseUrl}/metrics`)).status).toBe(200);
    const forwarded = await fetch(`${g.baseUrl}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(forwarded.status).toBe(403);
    expect(((await forwarded.json()) as { message: string }).message).toBe('Metrik hanya untuk pemantau platform');
    const ready = await g.call('GET', '/health/ready');
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'up', kafka: 'up', outbox: 'up' } });
  });
});

function loginAs(g: GatewayHarness, nip: string) {
  return g.call('POST', '/api/v1/auth/login', { nip, password: PASSWORD });
}
