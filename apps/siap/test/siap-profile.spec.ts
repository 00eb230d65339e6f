import type { Identity } from '@app/auth';
import { registration, seedOrganisation, startSiap, type SiapHarness } from './siap-fixture';

/** GET /employees/{nip}, what every phone reads when the portal opens: read in one statement, answered as before. */
describe('SIAP employee profile', () => {
  let h: SiapHarness;
  let registered: Record<string, unknown>;
  let nip: string;
  const as = (who: string, roles: Identity['roles'] = ['PEGAWAI']): Identity => ({ nip: who, name: who, roles, unitCode: 'BKD-MUTASI' });

  beforeAll(async () => {
    h = await startSiap();
    await seedOrganisation(h);
    const r = await h.call('POST', '/api/v1/siap/employees', registration(40));
    expect(r.status).toBe(201);
    registered = r.body;
    nip = r.body.nip;
    const entries: [string, Record<string, unknown>][] = [
      ['training', { skNumber: 'DIKLAT/2019/044', tmt: '2019-05-10', details: { name: 'Pelatihan Dasar CPNS', hours: 240 } }],
      ['awards', { details: { name: 'Pegawai teladan' } }],
      ['education', { tmt: '2012-08-30', details: { level: 'S1' } }],
    ];
    for (const [section, body] of entries) expect((await h.call('POST', `/api/v1/siap/employees/${nip}/history/${section}`, body)).status).toBe(201);
  });
  afterAll(() => h.close());

  it('answers the full state registration answered, with the riwayat by TMT (undated last) and each entry as stored', async () => {
    const r = await h.call('GET', `/api/v1/siap/employees/${nip}`);
    expect(r.status).toBe(200);
    const { history, ...state } = r.body as { history: Record<string, unknown>[] };
    expect(state).toEqual(registered);
    const stored = (await h.db.query(
      `SELECT h.id::text AS id, h.section, h.sk_number, to_char(h.tmt, 'YYYY-MM-DD') AS tmt, h.details, h.recorded_at
       FROM employee_history h WHERE h.nip = $1 ORDER BY h.tmt, h.id`,
      [nip],
    )) as { id: string; section: string; sk_number: string | null; tmt: string | null; details: unknown; recorded_at: Date }[];
    expect(history).toEqual(
      stored.map((s) => ({
        id: s.id,
        nip,
        section: s.section,
        skNumber: s.sk_number,
        tmt: s.tmt,
        details: s.details,
        recordedAt: s.recorded_at.toISOString(),
      })),
    );
    expect(history.map((e) => e.section)).toEqual(['pendidikan', 'golongan', 'jabatan', 'unit', 'diklat', 'penghargaan']);
  });

  it('lets the employee read their own profile, refuses another pegawai, and says 404 for an unknown NIP to anyone', async () => {
    const own = await h.call('GET', `/api/v1/siap/employees/${nip}`, undefined, as(nip));
    expect(own.status).toBe(200);
    expect(own.body).toEqual((await h.call('GET', `/api/v1/siap/employees/${nip}`)).body);
    const other = await h.call('GET', `/api/v1/siap/employees/${nip}`, undefined, as('199001012015031009'));
    expect(other.status).toBe(403);
    expect(other.body.message).toBe('Anda tidak berhak mengakses data pegawai ini');
    for (const who of [undefined, as(nip)]) {
      const unknown = await h.call('GET', '/api/v1/siap/employees/199912312020121001', undefined, who);
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toBe('Pegawai dengan NIP 199912312020121001 tidak ditemukan');
    }
  });
});
