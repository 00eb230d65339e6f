import { ADMIN, employee, startGateway, waitFor, type GatewayHarness } from './gateway-fixture';

const OPERATOR = '198503152010031004';
const PEGAWAI = '199003152015031002';
const PERAWAT = '199203152016032005';
const UNREGISTERED = '199901012020121001';
const PASSWORD = 'Palu-Sulteng-2026';

describe('gateway: who am I, and the state of an account', () => {
  let g: GatewayHarness;
  let adminToken: string;

  /** An account from SIAP's event, activated with PASSWORD and given roles; returns its access token. */
  const ready = async (nip: string, roles: string[] = []) => {
    const code = (await g.call('POST', `/api/v1/auth/accounts/${nip}/activation`, undefined, adminToken)).body.code;
    expect((await g.call('POST', '/api/v1/auth/activate', { nip, code, newPassword: PASSWORD })).status).toBe(204);
    if (roles.length) expect((await g.call('PUT', `/api/v1/auth/accounts/${nip}/roles`, { roles }, adminToken)).status).toBe(200);
    return (await g.call('POST', '/api/v1/auth/login', { nip, password: PASSWORD })).body.accessToken as string;
  };

  beforeAll(async () => {
    g = await startGateway();
    adminToken = (await g.call('POST', '/api/v1/auth/login', ADMIN)).body.accessToken;
    await g.publishEmployee('registered', employee(OPERATOR, { name: 'Operator BKD', unitCode: 'BKD', unitPath: ['BKD'], positionCode: 'BKD-OPERATOR' }));
    await g.publishEmployee('registered', employee(PEGAWAI, { name: 'Andi Lamaranggi' }));
    await g.publishEmployee('registered', employee(PERAWAT, { name: 'Siti Pettalolo', unitCode: 'DINKES', unitPath: ['DINKES'], positionCode: 'DINKES-STAF' }));
    await waitFor(
      async () => (await g.db.query('SELECT count(*)::int AS n FROM account WHERE nip = ANY($1)', [[OPERATOR, PEGAWAI, PERAWAT]]))[0].n === 3,
      'accounts',
    );
  });
  afterAll(() => g.close());

  it('tells BKD whether an account exists, is activated, its roles, an outstanding code and the last login', async () => {
    const fresh = await g.call('GET', `/api/v1/auth/accounts/${PEGAWAI}`, undefined, adminToken);
    expect(fresh.status).toBe(200);
    expect(fresh.body).toEqual({
      nip: PEGAWAI,
      exists: true,
      name: 'Andi Lamaranggi',
      unitCode: 'BKD-MUTASI',
      status: 'INACTIVE',
      activated: false,
      roles: ['PEGAWAI'],
      activationOutstanding: false,
      activationExpiresAt: null,
      lastLoginAt: null,
    });
    const issued = await g.call('POST', `/api/v1/auth/accounts/${PEGAWAI}/activation`, undefined, adminToken);
    const waiting = await g.call('GET', `/api/v1/auth/accounts/${PEGAWAI}`, undefined, adminToken);
    expect(waiting.body).toMatchObject({ activationOutstanding: true, activationExpiresAt: issued.body.expiresAt, activated: false });
    expect((await g.call('POST', '/api/v1/auth/activate', { nip: PEGAWAI, code: issued.body.code, newPassword: PASSWORD })).status).toBe(204);
    expect((await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI, password: PASSWORD })).status).toBe(200);
    const active = await g.call('GET', `/api/v1/auth/accounts/${PEGAWAI}`, undefined, adminToken);
    expect(active.body).toMatchObject({ status: 'ACTIVE', activated: true, activationOutstanding: false, activationExpiresAt: null });
    expect(Date.now() - Date.parse(active.body.lastLoginAt)).toBeLessThan(60_000);
    const none = await g.call('GET', `/api/v1/auth/accounts/${UNREGISTERED}`, undefined, adminToken);
    expect(none.body).toEqual({
      nip: UNREGISTERED,
      exists: false,
      name: null,
      unitCode: null,
      status: null,
      activated: false,
      roles: [],
      activationOutstanding: false,
      activationExpiresAt: null,
      lastLoginAt: null,
    });
    const bad = await g.call('GET', '/api/v1/auth/accounts/12345', undefined, adminToken);
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'nip', message: 'harus 18 digit angka' }]);
  });

  it("shows an operator the accounts of their units' employees only, and nobody else any", async () => {
    const operator = await ready(OPERATOR, ['OPERATOR_OPD']);
    expect((await g.call('GET', `/api/v1/auth/accounts/${PEGAWAI}`, undefined, operator)).body).toMatchObject({ nip: PEGAWAI, status: 'ACTIVE' });
    const other = await g.call('GET', `/api/v1/auth/accounts/${PERAWAT}`, undefined, operator);
    expect(other.status).toBe(403);
    expect(other.body.message).toContain('unitnya');
    expect((await g.call('GET', `/api/v1/auth/accounts/${UNREGISTERED}`, undefined, operator)).status).toBe(403);
    const pegawai = (await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI, password: PASSWORD })).body.accessToken;
    expect((await g.call('GET', `/api/v1/auth/accounts/${PEGAWAI}`, undefined, pegawai)).status).toBe(403);
    expect((await g.call('GET', `/api/v1/auth/accounts/${PEGAWAI}`)).status).toBe(401);
  });

  it('answers GET /auth/me for anyone logged in, with roles as they stand now', async () => {
    const token = (await g.call('POST', '/api/v1/auth/login', { nip: PEGAWAI, password: PASSWORD })).body.accessToken;
    const me = await g.call('GET', '/api/v1/auth/me', undefined, token);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ nip: PEGAWAI, name: 'Andi Lamaranggi', roles: ['PEGAWAI'], unitCode: 'BKD-MUTASI', unitName: null, positionName: null });
    expect((await g.call('PUT', `/api/v1/auth/accounts/${PEGAWAI}/roles`, { roles: ['ATASAN'] }, adminToken)).status).toBe(200);
    expect((await g.call('GET', '/api/v1/auth/me', undefined, token)).body.roles).toEqual(['ATASAN', 'PEGAWAI']);
    expect((await g.call('GET', '/api/v1/auth/me', undefined, adminToken)).body).toMatchObject({
      nip: ADMIN.nip,
      roles: ['ADMIN_BKD', 'PEGAWAI'],
      unitCode: 'BKD',
    });
    expect((await g.call('GET', '/api/v1/auth/me')).status).toBe(401);
  });
});
