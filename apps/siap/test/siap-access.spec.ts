import type { Identity } from '@app/auth';
import { registration, seedOrganisation, startSiap, type SiapHarness } from './siap-fixture';

/** SIAP enforces the scope rules itself, whatever the gateway decided (roles × endpoints). */
describe('SIAP access rules, applied by the service itself', () => {
  let h: SiapHarness;
  const nips: Record<string, string> = {};
  const who = (nip: string, roles: Identity['roles'], unitCode: string): Identity => ({ nip, name: nip, roles, unitCode });
  let kabid: Identity;
  let analyst: Identity;
  let operatorBkd: Identity;
  let operatorDinkes: Identity;
  let otherAnalyst: Identity;

  beforeAll(async () => {
    h = await startSiap();
    await seedOrganisation(h);
    const register = async (key: string, seq: number, overrides: Record<string, unknown>) => {
      const r = await h.call('POST', '/api/v1/siap/employees', registration(seq, overrides));
      expect(r.status).toBe(201);
      nips[key] = r.body.nip;
    };
    await register('kabid', 20, { positionCode: 'BKD-KABID-MUTASI' });
    await register('analyst', 22, {});
    await register('analyst2', 24, {});
    await register('nurse', 26, { unitCode: 'DINKES', positionCode: 'DINKES-PELAKSANA' });
    kabid = who(nips.kabid, ['ATASAN', 'PEGAWAI'], 'BKD-MUTASI');
    analyst = who(nips.analyst, ['PEGAWAI'], 'BKD-MUTASI');
    otherAnalyst = who(nips.analyst2, ['PEGAWAI'], 'BKD-MUTASI');
    operatorBkd = who(nips.kabid, ['OPERATOR_OPD', 'PEGAWAI'], 'BKD');
    operatorDinkes = who(nips.nurse, ['OPERATOR_OPD', 'PEGAWAI'], 'DINKES');
  });
  afterAll(() => h.close());

  it('answers 401 to a request that did not come through the gateway', async () => {
    expect((await h.call('GET', '/api/v1/siap/units', undefined, null)).status).toBe(401);
    const forged = await fetch(`${h.baseUrl}/api/v1/siap/units`, { headers: { 'x-asn-identity': 'eyJhbGciOiJIUzI1NiJ9.e30.x' } });
    expect(forged.status).toBe(401);
    expect((await h.call('GET', '/health/live', undefined, null)).status).toBe(200);
  });

  it('lets an operator of OPD A read and change only employees of A', async () => {
    expect((await h.call('GET', `/api/v1/siap/employees/${nips.analyst}`, undefined, operatorBkd)).status).toBe(200);
    expect((await h.call('GET', `/api/v1/siap/employees/${nips.nurse}`, undefined, operatorBkd)).status).toBe(403);
    expect((await h.call('PATCH', `/api/v1/siap/employees/${nips.nurse}`, { version: 1, name: 'X' }, operatorBkd)).status).toBe(403);
    expect((await h.call('PATCH', `/api/v1/siap/employees/${nips.analyst}`, { version: 1, phone: '0811111111' }, operatorBkd)).status).toBe(200);
    const transferOut = await h.call(
      'POST',
      `/api/v1/siap/employees/${nips.analyst2}/transfers`,
      { version: 1, skNumber: 'SK', tmt: '2026-12-01', unitCode: 'DINKES', positionCode: 'DINKES-PELAKSANA' },
      operatorBkd,
    );
    expect(transferOut.status).toBe(403);
    const listed = await h.call('GET', '/api/v1/siap/employees?pageSize=100', undefined, operatorDinkes);
    expect(listed.body.items.map((e: { nip: string }) => e.nip)).toEqual([nips.nurse]);
    expect((await h.call('POST', '/api/v1/siap/employees', registration(28), operatorDinkes)).status).toBe(403);
  });

  it('shows an atasan exactly their direct subordinates, and a pegawai only themself', async () => {
    const mine = await h.call('GET', '/api/v1/siap/employees?pageSize=100', undefined, kabid);
    expect(mine.body.items.map((e: { nip: string }) => e.nip).sort()).toEqual([nips.analyst, nips.analyst2].sort());
    expect((await h.call('GET', `/api/v1/siap/employees/${nips.analyst}`, undefined, kabid)).status).toBe(200);
    expect((await h.call('GET', `/api/v1/siap/employees/${nips.nurse}`, undefined, kabid)).status).toBe(403);
    expect((await h.call('PATCH', `/api/v1/siap/employees/${nips.analyst}`, { version: 2, name: 'X' }, kabid)).status).toBe(403);

    expect((await h.call('GET', `/api/v1/siap/employees/${nips.analyst}`, undefined, analyst)).status).toBe(200);
    expect((await h.call('GET', `/api/v1/siap/employees/${nips.analyst2}`, undefined, analyst)).status).toBe(403);
    expect((await h.call('GET', '/api/v1/siap/employees', undefined, otherAnalyst)).body.items.map((e: { nip: string }) => e.nip)).toEqual([nips.analyst2]);
  });

  it('lets nobody change their own career record, whatever their role', async () => {
    const self = who(nips.kabid, ['OPERATOR_OPD', 'ADMIN_BKD', 'PEGAWAI'], 'BKD');
    const version = (await h.call('GET', `/api/v1/siap/employees/${nips.kabid}`)).body.version;
    const attempts: [string, string, unknown][] = [
      ['PATCH', '', { version, name: 'Dr. Kabid' }],
      ['POST', '/promotions', { version, skNumber: 'SK/1', tmt: '2026-12-01', golongan: 'IV/e' }],
      ['POST', '/history/awards', { details: { name: 'Bintang Mahaputera' } }],
    ];
    for (const [method, suffix, body] of attempts) {
      for (const identity of [operatorBkd, self]) {
        const r = await h.call(method, `/api/v1/siap/employees/${nips.kabid}${suffix}`, body, identity);
        expect([suffix, r.status, r.body.message]).toEqual([
          suffix,
          403,
          'Anda tidak dapat mengubah data kepegawaian Anda sendiri; mintalah operator atau admin lain',
        ]);
      }
    }
    expect((await h.call('GET', `/api/v1/siap/employees/${nips.kabid}`)).body.version).toBe(version);
  });

  it('keeps units, positions, imports and republish to BKD admins', async () => {
    expect((await h.call('POST', '/api/v1/siap/units', { code: 'X', name: 'X' }, operatorBkd)).status).toBe(403);
    expect((await h.call('PATCH', '/api/v1/siap/positions/BKD-ANALIS', { kelasJabatan: 9 }, operatorBkd)).status).toBe(403);
    expect((await h.call('POST', '/api/v1/siap/events/republish', undefined, operatorBkd)).status).toBe(403);
    expect((await h.call('GET', '/api/v1/siap/units', undefined, analyst)).status).toBe(200);
  });
});
