import { ADMIN, person, seedSulteng, startPlatform, STAFF, wita, type Platform } from './kmob-fixture';

const analis = person(STAFF.analis.nip, ['PEGAWAI'], 'BKD-MUTASI', 'Analis');
const analis2 = person(STAFF.analis2.nip, ['PEGAWAI'], 'BKD-MUTASI', 'Analis 2');
const kabid = person(STAFF.kabid.nip, ['PEGAWAI', 'ATASAN'], 'BKD-MUTASI', 'Kabid');
const kadinkes = person(STAFF.kadinkes.nip, ['PEGAWAI', 'ATASAN'], 'DINKES', 'Kadinkes');
const perawat = person(STAFF.perawat.nip, ['PEGAWAI'], 'DINKES', 'Perawat');
const opBkd = person('198001012006041099', ['PEGAWAI', 'OPERATOR_OPD'], 'BKD', 'Operator BKD');
const opDinkes = person('198001012006041098', ['PEGAWAI', 'OPERATOR_OPD'], 'DINKES', 'Operator Dinkes');

const inDays = (days: number) => wita.date(new Date(Date.now() + days * 86_400_000));

describe('K-Mob approvals inbox: GET /requests?decidable=true', () => {
  let p: Platform;
  const ids: Record<string, string> = {};
  const inbox = async (who: typeof analis, query = '') => {
    const r = await p.kmob('GET', `/api/v1/kmob/requests?decidable=true${query}`, undefined, who);
    expect(r.status).toBe(200);
    return r.body as { id: string; nip: string; name: string; status: string }[];
  };
  const keysOf = (items: { id: string }[]) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));

  beforeAll(async () => {
    p = await startPlatform();
    await seedSulteng(p);
    // Field duty may fall on any day (no working day needed), so the suite runs on any date.
    const file = async (key: string, who: typeof analis, days: number, nip?: string) => {
      const r = await p.kmob(
        'POST',
        '/api/v1/kmob/requests',
        { nip, type: 'DINAS_LUAR', startDate: inDays(days), endDate: inDays(days), reason: `Tugas luar ${key}` },
        who,
      );
      if (r.status !== 201) throw new Error(`${key}: ${r.status} ${JSON.stringify(r.body)}`);
      ids[key] = r.body.id;
    };
    await file('analis', analis, 10);
    await file('analis2', analis2, 10);
    await file('analisByOperator', opBkd, 20, analis.nip);
    await file('perawat', perawat, 10);
    await file('kabid', kabid, 10);
  }, 60_000);

  afterAll(() => p?.close());

  it("lists the pending requests of others the caller may decide, with the employee's name, oldest first", async () => {
    const atasan = await inbox(kabid);
    expect(keysOf(atasan)).toEqual(['analis', 'analis2', 'analisByOperator']);
    expect(atasan[0]).toMatchObject({ nip: analis.nip, name: 'Pegawai analis', status: 'PENDING', type: 'DINAS_LUAR' });
    // Not the operator's own filing: whoever files a request does not decide it.
    expect(keysOf(await inbox(opBkd))).toEqual(['analis', 'analis2', 'kabid']);
    expect(keysOf(await inbox(kadinkes))).toEqual(['perawat']);
    expect(keysOf(await inbox(opDinkes))).toEqual(['perawat']);
    expect(keysOf(await inbox(ADMIN))).toEqual(['analis', 'analis2', 'analisByOperator', 'perawat', 'kabid']);
    expect(await inbox(analis)).toEqual([]);
    expect(await inbox(perawat)).toEqual([]);
  });

  it('keeps the other filters working, and without decidable lists as before', async () => {
    expect(keysOf(await inbox(kabid, `&nip=${analis.nip}`))).toEqual(['analis', 'analisByOperator']);
    expect(await inbox(kabid, '&status=APPROVED')).toEqual([]);
    const all = await p.kmob('GET', '/api/v1/kmob/requests?decidable=false', undefined, kabid);
    expect(keysOf(all.body).sort()).toEqual(['analis', 'analis2', 'analisByOperator', 'kabid'].sort());
    const bad = await p.kmob('GET', '/api/v1/kmob/requests?decidable=ya', undefined, kabid);
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'decidable', message: 'harus true atau false' }]);
  });

  it('offers only what the caller may decide: every item can be decided by them, and a decided one leaves every inbox', async () => {
    for (const who of [kabid, opBkd, kadinkes]) {
      const [first] = await inbox(who);
      const decided = await p.kmob('POST', `/api/v1/kmob/requests/${first.id}/approve`, undefined, who);
      expect({ who: who.name, status: decided.status }).toEqual({ who: who.name, status: 200 });
    }
    expect(keysOf(await inbox(kabid))).toEqual(['analisByOperator']);
    expect(keysOf(await inbox(opBkd))).toEqual(['kabid']);
    expect(keysOf(await inbox(ADMIN))).toEqual(['analisByOperator', 'kabid']);
    expect((await p.kmob('POST', `/api/v1/kmob/requests/${ids.kabid}/approve`, undefined, kabid)).status).toBe(403);
  });
});
