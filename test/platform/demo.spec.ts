import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { demoPasswords, demoTable, setUpDemo, type DemoAccount } from '../../scripts/platform/demo';
import { ADMIN, startRunningPlatform, type RunningPlatform } from './running-platform';

/** `npm start -- --demo`'s ready accounts, set up through the gateway of a running platform as the first admin. */
describe('the demo accounts', () => {
  let p: RunningPlatform;
  let dataDir: string;
  let accounts: DemoAccount[];
  const log: string[] = [];

  beforeAll(async () => {
    p = await startRunningPlatform();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-'));
    accounts = await setUpDemo(p.gatewayUrl, ADMIN, demoPasswords(dataDir), (m) => log.push(m));
  }, 180_000);

  afterAll(async () => {
    await p?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives an admin BKD, an operator, an atasan and a pegawai, each able to log in with the roles of their part', async () => {
    expect(accounts.map((a) => a.role)).toEqual(['ADMIN_BKD', 'OPERATOR_OPD', 'ATASAN', 'PEGAWAI']);
    const expected: Record<string, string[]> = {
      ADMIN_BKD: ['ADMIN_BKD', 'PEGAWAI'],
      OPERATOR_OPD: ['OPERATOR_OPD', 'PEGAWAI'],
      ATASAN: ['ATASAN', 'PEGAWAI'],
      PEGAWAI: ['PEGAWAI'],
    };
    for (const account of accounts) {
      const { accessToken } = await p.login(account.nip, account.password);
      const me = await p.call('GET', '/api/v1/auth/me', undefined, accessToken);
      expect(me.body).toMatchObject({ nip: account.nip, name: account.name, roles: expected[account.role] });
    }
    // The passwords are kept for the next start, readable by their owner only.
    expect(fs.statSync(path.join(dataDir, 'demo-accounts.json')).mode & 0o777).toBe(0o600);
    expect(demoPasswords(dataDir)).toEqual(Object.fromEntries(accounts.map((a) => [a.role, a.password])));
  });

  it("puts the pegawai in the atasan's team, in BKD under the operator, with an office in Palu to check in at", async () => {
    const byRole = Object.fromEntries(accounts.map((a) => [a.role, a]));
    const atasan = (await p.login(byRole.ATASAN.nip, byRole.ATASAN.password)).accessToken;
    const team = await p.call('GET', '/api/v1/kmob/attendance/team', undefined, atasan);
    expect(team.body.map((m: { nip: string }) => m.nip)).toEqual([byRole.PEGAWAI.nip]);
    const operator = (await p.login(byRole.OPERATOR_OPD.nip, byRole.OPERATOR_OPD.password)).accessToken;
    const account = await p.call('GET', `/api/v1/auth/accounts/${byRole.PEGAWAI.nip}`, undefined, operator);
    expect(account.body).toMatchObject({ status: 'ACTIVE', activated: true, unitCode: 'BKD-MUTASI' });
    const pegawai = (await p.login(byRole.PEGAWAI.nip, byRole.PEGAWAI.password)).accessToken;
    const office = (await p.call('GET', '/api/v1/kmob/locations/BKD', undefined, pegawai)).body;
    expect(office).toEqual([{ name: 'Kantor BKD Provinsi Sulawesi Tengah', latitude: -0.8979, longitude: 119.8594, radiusMeters: 100 }]);
    const checkIn = await p.call(
      'POST',
      '/api/v1/kmob/check-ins',
      { type: 'IN', latitude: -0.8978, longitude: 119.8594, accuracyMeters: 10, mocked: false, deviceId: 'demo-phone' },
      pegawai,
    );
    expect(checkIn.status).toBe(201);
  });

  it('changes nothing when run again, and prints the URL and each NIP, password and role', async () => {
    const hashes = async () => (await p.databases.gateway.query('SELECT nip, password_hash, roles FROM account ORDER BY nip')).rows;
    const before = await hashes();
    const again = await setUpDemo(p.gatewayUrl, ADMIN, demoPasswords(dataDir), () => undefined);
    expect(again).toEqual(accounts);
    expect(await hashes()).toEqual(before);
    expect((await p.databases.kmob.query(`SELECT count(*)::int AS n FROM location WHERE unit_code = 'BKD'`)).rows).toEqual([{ n: 1 }]);
    const table = demoTable(p.gatewayUrl, accounts);
    expect(table[0]).toContain(p.gatewayUrl);
    for (const account of accounts)
      expect(table.some((line) => line.includes(account.nip) && line.includes(account.password) && line.includes(account.role))).toBe(true);
  });
});
