import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';
import { createTestDatabase, freePort, waitUntilReady } from '@app/testing';
import { ADMIN, INTERNAL_SECRET, startGateway, waitFor, type GatewayHarness } from './gateway-fixture';

/**
 * The gateway in front of a real SIAP process: routing, the role × endpoint matrix, hostile input,
 * and a service that is down or slow.
 */
describe('gateway routing to the services', () => {
  let g: GatewayHarness;
  let siap: ChildProcess;
  let siapDb: { url: string; drop(): Promise<void> };
  let slowServer: http.Server;
  let admin: string;
  const tokens: Record<string, string> = {};
  const nips: Record<string, string> = {};
  const api = (p: string) => `/api/v1/siap${p}`;

  beforeAll(async () => {
    const [siapPort, deadPort] = [await freePort(), await freePort()];
    slowServer = http.createServer((_req, res) => setTimeout(() => res.end('{}'), 5000));
    await new Promise<void>((resolve) => slowServer.listen(0, '127.0.0.1', resolve));
    const slowPort = (slowServer.address() as { port: number }).port;
    g = await startGateway({
      UPSTREAMS: `siap=http://127.0.0.1:${siapPort},kmob=http://127.0.0.1:${deadPort},trk=http://127.0.0.1:${slowPort}`,
      UPSTREAM_BODY_LIMITS: 'siap=1048576:52428800',
      UPSTREAM_TIMEOUT_MS: '1000',
    });
    siapDb = await createTestDatabase('siap');
    siap = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, '../../siap/src/main.ts')], {
      env: {
        ...process.env,
        PORT: String(siapPort),
        DATABASE_URL: siapDb.url,
        KAFKA_BROKERS: g.broker.address,
        INTERNAL_AUTH_SECRET: INTERNAL_SECRET,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await waitUntilReady(`http://127.0.0.1:${siapPort}`);
    admin = (await g.call('POST', '/api/v1/auth/login', ADMIN)).body.accessToken;

    const ok = async (p: string, body: unknown) => {
      const r = await g.call('POST', api(p), body, admin);
      if (r.status !== 201) throw new Error(`${p} → ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    await ok('/units', { code: 'BKD', name: 'Badan Kepegawaian Daerah' });
    await ok('/units', { code: 'DINKES', name: 'Dinas Kesehatan' });
    await ok('/positions', { code: 'BKD-KABID', name: 'Kepala Bidang', type: 'STRUKTURAL', eselon: 'III.a', kelasJabatan: 11, unitCode: 'BKD' });
    await ok('/positions', { code: 'BKD-ANALIS', name: 'Analis', type: 'FUNGSIONAL', kelasJabatan: 8, unitCode: 'BKD', parentCode: 'BKD-KABID' });
    await ok('/positions', { code: 'DINKES-STAF', name: 'Staf', type: 'PELAKSANA', kelasJabatan: 5, unitCode: 'DINKES' });
    const person = (nip: string, positionCode: string, unitCode: string) => ({
      nip,
      name: `Pegawai ${nip.slice(-3)}`,
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      sex: nip[14] === '1' ? 'L' : 'P',
      employmentType: 'PNS',
      golongan: 'III/a',
      unitCode,
      positionCode,
      tmtCpns: '2015-03-01',
    });
    nips.kabid = (await ok('/employees', person('197501012000031001', 'BKD-KABID', 'BKD'))).nip;
    nips.analyst = (await ok('/employees', person('199001012015031002', 'BKD-ANALIS', 'BKD'))).nip;
    nips.analyst2 = (await ok('/employees', person('199101012016032003', 'BKD-ANALIS', 'BKD'))).nip;
    nips.nurse = (await ok('/employees', person('199201012017031004', 'DINKES-STAF', 'DINKES'))).nip;

    // Accounts arrive from SIAP's events; an admin activates them and grants roles.
    await waitFor(async () => (await g.db.query('SELECT count(*)::int AS n FROM employee'))[0].n === 4, 'the projection of SIAP events');
    const activate = async (key: string, roles: string[]) => {
      const code = (await g.call('POST', `/api/v1/auth/accounts/${nips[key]}/activation`, undefined, admin)).body.code;
      expect((await g.call('POST', '/api/v1/auth/activate', { nip: nips[key], code, newPassword: 'Sulteng-Maju-2026' })).status).toBe(204);
      if (roles.length) await g.call('PUT', `/api/v1/auth/accounts/${nips[key]}/roles`, { roles }, admin);
      tokens[key] = (await g.call('POST', '/api/v1/auth/login', { nip: nips[key], password: 'Sulteng-Maju-2026' })).body.accessToken;
    };
    await activate('kabid', ['ATASAN']);
    await activate('analyst', []);
    await activate('nurse', ['OPERATOR_OPD']);
  }, 120_000);

  afterAll(async () => {
    siap?.kill('SIGTERM');
    if (siap) await new Promise((r) => siap.once('exit', r));
    slowServer.closeAllConnections();
    slowServer.close();
    await g.close();
    await siapDb.drop();
  });

  it('forwards to SIAP with the verified identity and refuses requests without a token', async () => {
    expect((await g.call('GET', api('/units'))).status).toBe(401);
    const units = await g.call('GET', api('/units'), undefined, tokens.analyst);
    expect(units.status).toBe(200);
    expect(units.body.items.map((u: { code: string }) => u.code)).toEqual(['BKD', 'DINKES']);
    expect((await g.call('GET', '/api/v1/nope/x', undefined, admin)).status).toBe(404);
  });

  it.each([
    ['an operator of another OPD reading', 'nurse', 'GET', 'analyst', 403],
    ['an operator of another OPD changing', 'nurse', 'PATCH', 'analyst', 403],
    ['an operator reading their own OPD', 'nurse', 'GET', 'nurse', 200],
    ['a pegawai reading another employee', 'analyst', 'GET', 'analyst2', 403],
    ['a pegawai reading themself', 'analyst', 'GET', 'analyst', 200],
    ['an atasan reading a direct subordinate', 'kabid', 'GET', 'analyst', 200],
    ['an atasan reading outside their team', 'kabid', 'GET', 'nurse', 403],
    ['an atasan changing a subordinate', 'kabid', 'PATCH', 'analyst', 403],
    ['an admin changing anyone', 'admin', 'PATCH', 'nurse', 200],
  ])('%s (%s %s %s) gets %d', async (_case, caller, method, target, expected) => {
    const token = caller === 'admin' ? admin : tokens[caller];
    const current = await g.call('GET', api(`/employees/${nips[target]}`), undefined, admin);
    const body = method === 'PATCH' ? { version: current.body.version, phone: '081234567890' } : undefined;
    expect((await g.call(method, api(`/employees/${nips[target]}`), body, token)).status).toBe(expected);
  });

  it('shows an atasan exactly their direct subordinates', async () => {
    const list = await g.call('GET', api('/employees'), undefined, tokens.kabid);
    expect(list.body.items.map((e: { nip: string }) => e.nip).sort()).toEqual([nips.analyst, nips.analyst2].sort());
  });

  it('handles hostile input: 413 over the limit, 400 for malformed JSON, SQL and HTML stored verbatim', async () => {
    const big = await g.call('PATCH', api(`/employees/${nips.analyst2}`), { version: 1, name: 'x'.repeat(2 * 1024 * 1024) }, admin);
    expect(big.status).toBe(413);
    const malformed = await g.call('PATCH', api(`/employees/${nips.analyst2}`), '{"version": 1, "name": ', admin);
    expect(malformed.status).toBe(400);
    const current = (await g.call('GET', api(`/employees/${nips.analyst2}`), undefined, admin)).body;
    const hostile = `Robert'); DROP TABLE employee;-- <script>alert("x")</script>`;
    expect((await g.call('PATCH', api(`/employees/${nips.analyst2}`), { version: current.version, name: hostile }, admin)).status).toBe(200);
    expect((await g.call('GET', api(`/employees/${nips.analyst2}`), undefined, admin)).body.name).toBe(hostile);
    expect((await g.call('GET', api('/units'), undefined, admin)).status).toBe(200);
  });

  it('answers 502 for a service that is down and 504 for a slow one, and keeps serving the others', async () => {
    let t = Date.now();
    const down = await g.call('GET', '/api/v1/kmob/days', undefined, admin);
    expect(down.status).toBe(502);
    expect(down.body.message).toBe('Layanan kmob sedang tidak tersedia');
    expect(Date.now() - t).toBeLessThan(2000);
    t = Date.now();
    const slow = await g.call('GET', '/api/v1/trk/activities', undefined, admin);
    expect(slow.status).toBe(504);
    expect(Date.now() - t).toBeLessThan(3000);
    expect((await g.call('GET', api('/units'), undefined, admin)).status).toBe(200);
  });

  it('audits every mutating request, queryable by an admin', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const audit = await g.call('GET', `/api/v1/audit?nip=${nips.analyst}`, undefined, admin);
    expect(audit.status).toBe(200);
    const entries = audit.body.items as { actorNip: string; method: string; path: string; targetNip: string; status: number }[];
    expect(entries.some((e) => e.method === 'PATCH' && e.targetNip === nips.analyst && e.status === 403 && e.actorNip === nips.nurse)).toBe(true);
    expect(entries.some((e) => e.method === 'POST' && e.path === '/api/v1/auth/login' && e.actorNip === nips.analyst)).toBe(true);
    expect((await g.call('GET', '/api/v1/audit', undefined, tokens.analyst)).status).toBe(403);
  });

  it('serves one OpenAPI document for the whole platform at /api/docs', async () => {
    const doc = await g.call('GET', '/api/docs/json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/audit', '/api/v1/siap/employees', '/api/v1/siap/employees/{nip}/transfers']),
    );
    expect(doc.body.info.description).toMatch(/Unavailable now: kmob, trk/);
    const page = await fetch(`${g.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("url: '/api/docs/json'");
    expect((await fetch(`${g.baseUrl}/api/v1/gateway/docs/swagger-ui-bundle.js`)).status).toBe(200);
  });
});
