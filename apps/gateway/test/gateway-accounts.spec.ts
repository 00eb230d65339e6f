import { SignJWT } from 'jose';
import { ADMIN, employee, JWT_SECRET, startGateway, waitFor, type GatewayHarness } from './gateway-fixture';
import { REFRESH_REUSE_GRACE_SECONDS } from '../src/accounts/auth.service';

const PEGAWAI_NIP = '199001012015031002';

describe('gateway accounts: login, activation, lockout, tokens', () => {
  let g: GatewayHarness;
  let adminToken: string;

  beforeAll(async () => {
    g = await startGateway();
    const login = await g.call('POST', '/api/v1/auth/login', ADMIN);
    expect(login.status).toBe(200);
    adminToken = login.body.accessToken;
  });
  afterAll(() => g.close());

  const accountStatus = async (nip: string) => ((await g.db.query('SELECT status FROM account WHERE nip = $1', [nip])) as { status: string }[])[0]?.status;

  it('lets the first admin in with the configured credentials', async () => {
    const login = await g.call('POST', '/api/v1/auth/login', ADMIN);
    expect(login.body).toMatchObject({ expiresIn: 900, user: { nip: ADMIN.nip, roles: ['ADMIN_BKD', 'PEGAWAI'] } });
    expect(login.body.accessToken.split('.')).toHaveLength(3);
    expect(JSON.parse(Buffer.from(login.body.accessToken.split('.')[0], 'base64url').toString())).toMatchObject({ alg: 'HS256', kid: 'k1' });
  });

  it('creates an inactive account from a SIAP event; an admin code activates it', async () => {
    await g.publishEmployee('registered', employee(PEGAWAI_NIP));
    await waitFor(async () => (await accountStatus(PEGAWAI_NIP)) === 'INACTIVE', 'the account from the event');
    expect((await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI_NIP, password: 'anything-123' })).status).toBe(401);

    // What `curl -X POST -H 'content-type: application/json'` sends: a JSON content type and no body.
    const response = await fetch(`${g.baseUrl}/api/v1/auth/accounts/${PEGAWAI_NIP}/activation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    });
    const code = { status: response.status, body: (await response.json()) as { code: string } };
    expect(code.status).toBe(201);
    const weak = await g.call('POST', '/api/v1/auth/activate', { nip: PEGAWAI_NIP, code: code.body.code, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.details.map((d: { message: string }) => d.message)).toEqual(['minimal 10 karakter', 'harus memuat huruf dan angka']);
    expect((await g.call('POST', '/api/v1/auth/activate', { nip: PEGAWAI_NIP, code: 'wrong', newPassword: 'Palu-Sulteng-2026' })).status).toBe(400);
    expect((await g.call('POST', '/api/v1/auth/activate', { nip: PEGAWAI_NIP, code: code.body.code, newPassword: 'Palu-Sulteng-2026' })).status).toBe(204);
    // One-time: the same code does not work twice.
    expect((await g.call('POST', '/api/v1/auth/activate', { nip: PEGAWAI_NIP, code: code.body.code, newPassword: 'Palu-Sulteng-2027' })).status).toBe(400);
    const login = await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI_NIP, password: 'Palu-Sulteng-2026' });
    expect(login.body.user).toEqual({ nip: PEGAWAI_NIP, name: 'Pegawai 002', roles: ['PEGAWAI'], unitCode: 'BKD-MUTASI' });
  });

  it('refuses the sixth attempt from an address after five wrong passwords, even with the right one, until the lock ends', async () => {
    for (let i = 0; i < 5; i++) expect((await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI_NIP, password: `wrong-${i}-password` })).status).toBe(401);
    const locked = await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI_NIP, password: 'Palu-Sulteng-2026' });
    expect(locked.status).toBe(429);
    expect(locked.body.message).toBe('Terlalu banyak percobaan masuk yang gagal; coba lagi dalam 15 menit');
    await g.db.query("UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE key LIKE $1", [`${PEGAWAI_NIP}@%`]);
    expect((await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI_NIP, password: 'Palu-Sulteng-2026' })).status).toBe(200);
  });

  it('rotates refresh tokens, refuses one after logout, and treats reuse as theft after a grace period for retries', async () => {
    const first = (await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI_NIP, password: 'Palu-Sulteng-2026' })).body;
    const second = await g.call('POST', '/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    // Within the grace period the rotated-out token is only refused: a retry after a lost answer, not theft.
    expect((await g.call('POST', '/api/v1/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(401);
    const third = await g.call('POST', '/api/v1/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(third.status).toBe(200);
    // Later, its reuse is taken as theft and ends the newer session too.
    await g.db.query(`UPDATE refresh_token SET revoked_at = revoked_at - interval '${REFRESH_REUSE_GRACE_SECONDS + 1} seconds' WHERE revoked_at IS NOT NULL`);
    expect((await g.call('POST', '/api/v1/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(401);
    expect((await g.call('POST', '/api/v1/auth/refresh', { refreshToken: third.body.refreshToken })).status).toBe(401);

    // A token presented after logout is refused without ending the account's other sessions.
    const other = (await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI_NIP, password: 'Palu-Sulteng-2026' })).body;
    const fourth = (await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI_NIP, password: 'Palu-Sulteng-2026' })).body;
    expect((await g.call('POST', '/api/v1/auth/logout', { refreshToken: fourth.refreshToken })).status).toBe(204);
    await g.db.query(`UPDATE refresh_token SET revoked_at = revoked_at - interval '${REFRESH_REUSE_GRACE_SECONDS + 1} seconds' WHERE revoked_at IS NOT NULL`);
    expect((await g.call('POST', '/api/v1/auth/refresh', { refreshToken: fourth.refreshToken })).status).toBe(401);
    expect((await g.call('POST', '/api/v1/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(200);
  });

  it('refuses expired, forged and wrongly signed access tokens, and non-admins on admin endpoints', async () => {
    const pegawai = (await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI_NIP, password: 'Palu-Sulteng-2026' })).body.accessToken;
    expect((await g.call('PUT', `/api/v1/auth/accounts/${PEGAWAI_NIP}/roles`, { roles: ['ADMIN_BKD'] }, pegawai)).status).toBe(403);
    const sign = (secret: string, kid: string, exp: number) =>
      new SignJWT({ roles: ['ADMIN_BKD'], unit: 'BKD', name: 'x' })
        .setProtectedHeader({ alg: 'HS256', kid })
        .setSubject(ADMIN.nip)
        .setIssuer('sulteng-asn-gateway')
        .setAudience('sulteng-asn-portal')
        .setIssuedAt(exp - 900)
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(secret));
    const now = Math.floor(Date.now() / 1000);
    const expired = await sign(JWT_SECRET, 'k1', now - 10);
    const wrongKey = await sign('some-other-secret-that-is-long-enough!!', 'k1', now + 600);
    const unknownKid = await sign(JWT_SECRET, 'k9', now + 600);
    const [h, p, s] = pegawai.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = [h, Buffer.from(JSON.stringify({ ...payload, roles: ['ADMIN_BKD'] })).toString('base64url'), s].join('.');
    for (const token of [expired, wrongKey, unknownKid, forged, 'garbage']) {
      const r = await g.call('PUT', `/api/v1/auth/accounts/${PEGAWAI_NIP}/roles`, { roles: ['ATASAN'] }, token);
      expect(r.status).toBe(401);
    }
    expect((await g.call('PUT', `/api/v1/auth/accounts/${PEGAWAI_NIP}/roles`, { roles: ['ATASAN'] })).status).toBe(401);
    const granted = await g.call('PUT', `/api/v1/auth/accounts/${PEGAWAI_NIP}/roles`, { roles: ['ATASAN'] }, adminToken);
    expect(granted.body).toEqual({ nip: PEGAWAI_NIP, roles: ['ATASAN', 'PEGAWAI'] });
    expect((await g.call('PUT', `/api/v1/auth/accounts/${PEGAWAI_NIP}/roles`, { roles: ['ROOT'] }, adminToken)).status).toBe(400);
  });

  it('changes a password (other sessions end) and disables the account of an employee who leaves service', async () => {
    const session = (await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI_NIP, password: 'Palu-Sulteng-2026' })).body;
    expect((await g.call('POST', '/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'Donggala-2026x' }, session.accessToken)).status).toBe(400);
    expect(
      (await g.call('POST', '/api/v1/auth/password', { currentPassword: 'Palu-Sulteng-2026', newPassword: 'Donggala-2026x' }, session.accessToken)).status,
    ).toBe(204);
    expect((await g.call('POST', '/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    const fresh = (await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI_NIP, password: 'Donggala-2026x' })).body;

    await g.publishEmployee('terminated', employee(PEGAWAI_NIP, { status: 'PENSIUN', version: 2 }));
    await waitFor(async () => (await accountStatus(PEGAWAI_NIP)) === 'DISABLED', 'the account to be disabled');
    expect((await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI_NIP, password: 'Donggala-2026x' })).status).toBe(401);
    expect((await g.call('POST', '/api/v1/auth/refresh', { refreshToken: fresh.refreshToken })).status).toBe(401);
    // An older event arriving late does not bring the account back.
    await g.publishEmployee('updated', employee(PEGAWAI_NIP, { version: 1 }));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await accountStatus(PEGAWAI_NIP)).toBe('DISABLED');
  });
});
