import { ADMIN, analis, opBkd, STAFF, startPlatform, type Platform } from './tunjangan-fixture';

const MONTH = '2026-06';
const HEADER = 'NIP;NAMA;GAJI POKOK;TUNJANGAN KELUARGA;TUNJANGAN JABATAN/UMUM;TUNJANGAN BERAS;TUNJANGAN PROFESI;STATUS PTKP;ZAKAT';

describe('Sim Tunjangan salary import from SIMGAJI', () => {
  let p: Platform;
  const post = (csv: unknown, who = ADMIN, month = MONTH) => p.tunjangan('POST', `/salaries/${month}`, csv, who, 'text/csv');

  beforeAll(async () => {
    p = await startPlatform();
  }, 120_000);
  afterAll(() => p?.close());

  it('is for BKD admins only', async () => {
    const csv = `${HEADER}\n${STAFF.analis.nip};Analis;3.920.000;392.000;185.000;289.680;;K/1;`;
    for (const who of [analis, opBkd]) {
      expect((await post(csv, who)).status).toBe(403);
      expect((await p.tunjangan('GET', `/salaries/${MONTH}`, undefined, who)).status).toBe(403);
    }
    expect(await p.db.query('SELECT * FROM salary_month')).toEqual([]);
  });

  it('stores the good rows of a partial file and reports every bad one by line', async () => {
    const csv = [
      HEADER,
      `${STAFF.analis.nip};Analis;3.920.000;392.000;185.000;289.680;;K/1;50.000`,
      `${STAFF.perawat.nip};Perawat;3520000;0;175000;72420;1500000;TK/0;`,
      `12345;Salah NIP;3520000;0;175000;72420;;TK/0;`,
      `198001012006041099;Desimal;3520000,50;0;-1;72420;;K/9;`,
    ].join('\n');
    const reply = await post(csv);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      month: MONTH,
      stored: 2,
      rejected: 2,
      errors: [
        { line: 4, key: '12345', problems: [{ field: 'NIP', message: 'harus 18 digit angka' }] },
        {
          line: 5,
          key: '198001012006041099',
          problems: [
            { field: 'GAJI POKOK', message: expect.stringContaining('tanpa desimal') },
            { field: 'TUNJANGAN JABATAN/UMUM', message: 'tidak boleh negatif' },
            { field: 'STATUS PTKP', message: expect.stringContaining('harus salah satu dari') },
          ],
        },
      ],
    });
    const rows = await p.db.query(
      'SELECT nip, gaji_pokok::text AS gp, tunjangan_profesi::text AS profesi, zakat::text, ptkp_status, imported_by FROM salary_month ORDER BY nip',
    );
    expect(rows).toEqual([
      { nip: STAFF.analis.nip, gp: '3920000', profesi: '0', zakat: '50000', ptkp_status: 'K/1', imported_by: ADMIN.nip },
      { nip: STAFF.perawat.nip, gp: '3520000', profesi: '1500000', zakat: '0', ptkp_status: 'TK/0', imported_by: ADMIN.nip },
    ]);
  });

  it('replaces a month+NIP on re-import, with who imported it and when, and GET returns the stored rows', async () => {
    const before = new Date();
    const other = { ...ADMIN, nip: '197001011995031001', name: 'Admin BKD lain' };
    const reply = await post(`${HEADER}\n${STAFF.analis.nip};Analis;4.000.000;400.000;190.000;289.680;;K/2;`, other);
    expect(reply.body).toMatchObject({ stored: 1, rejected: 0, errors: [] });

    const one = await p.tunjangan('GET', `/salaries/${MONTH}?nip=${STAFF.analis.nip}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual([
      {
        month: MONTH,
        nip: STAFF.analis.nip,
        gajiPokok: '4000000',
        tunjanganKeluarga: '400000',
        tunjanganJabatanUmum: '190000',
        tunjanganBeras: '289680',
        tunjanganProfesi: '0',
        zakat: '0',
        ptkpStatus: 'K/2',
        sourceLine: 2,
        importedBy: other.nip,
        importedAt: expect.any(String),
      },
    ]);
    expect(new Date(one.body[0].importedAt).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    const all = await p.tunjangan('GET', `/salaries/${MONTH}`);
    expect(all.body.map((r: { nip: string; gajiPokok: string }) => [r.nip, r.gajiPokok])).toEqual([
      [STAFF.analis.nip, '4000000'],
      [STAFF.perawat.nip, '3520000'],
    ]);
    expect((await p.tunjangan('GET', '/salaries/2026-07')).body).toEqual([]);
    expect((await p.tunjangan('GET', `/salaries/${MONTH}?nip=123`)).status).toBe(400);
    expect((await p.tunjangan('GET', '/salaries/2026-13')).status).toBe(400);
  });

  it('refuses with 400 a file it cannot read, naming the column, and stores nothing of it', async () => {
    const missing = await post(`NIP;GAJI POKOK;TUNJANGAN KELUARGA;TUNJANGAN BERAS\n${STAFF.analis.nip};1;1;1`, ADMIN, '2026-08');
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([
      { field: 'TUNJANGAN JABATAN/UMUM', message: 'kolom wajib tidak ada' },
      { field: 'STATUS PTKP', message: 'kolom wajib tidak ada' },
    ]);
    expect((await post('', ADMIN, '2026-08')).status).toBe(400);
    expect((await post(HEADER, ADMIN, '2026-08')).status).toBe(400);
    expect((await p.tunjangan('POST', '/salaries/2026-08', { nip: STAFF.analis.nip })).status).toBe(400);
    expect((await post(`${HEADER}\n${STAFF.analis.nip};A;1;0;0;0;;TK/0;`, ADMIN, '2026-8')).status).toBe(400);
    expect(await p.db.query("SELECT * FROM salary_month WHERE month <> '2026-06'")).toEqual([]);
  });
});
