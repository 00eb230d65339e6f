import { Kafka, logLevel } from 'kafkajs';
import { ADMIN, seedOrganisation, startSiap, type SiapHarness } from './siap-fixture';
import { siasnCsv, type CsvRowSpec } from './siasn-csv-fixture';

const DEFECTS = ['nip', 'birthDate', 'golongan', 'unit'] as const;

function upload(h: SiapHarness, csv: string) {
  return h.call('POST', '/api/v1/siap/imports/employees', csv, ADMIN, 'text/csv');
}

async function finished(h: SiapHarness, id: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = (await h.call('GET', `/api/v1/siap/jobs/${id}`)).body;
    if (job.status === 'DONE' || job.status === 'FAILED' || Date.now() > deadline) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('SIAP bulk import of a SIASN export', () => {
  let h: SiapHarness;
  const rows: CsvRowSpec[] = Array.from({ length: 10_000 }, (_, i) => ({
    seq: i,
    unitCode: i % 2 ? 'BKD-MUTASI' : 'DINKES',
    positionCode: i % 2 ? 'BKD-ANALIS' : 'DINKES-PELAKSANA',
    defect: i % 100 === 37 ? DEFECTS[((i / 100) % 4) | 0] : undefined,
  }));
  const csv = siasnCsv(rows);

  beforeAll(async () => {
    h = await startSiap();
    await seedOrganisation(h);
  });
  afterAll(() => h.close());

  it('imports the 9,900 good rows of 10,000 and reports each bad one with its line and reason', async () => {
    const started = await upload(h, csv);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'siap.employee-import', status: 'QUEUED', progress: { total: 10_000, processed: 0 }, createdBy: ADMIN.nip });
    const job = await finished(h, started.body.id);
    expect(job).toMatchObject({ status: 'DONE', progress: { total: 10_000, processed: 10_000, imported: 9_900, unchanged: 0, failed: 100 }, errorCount: 100 });
    expect(job.errors).toHaveLength(100);
    const byLine = new Map(job.errors.map((e: { line: number; problems: { field: string }[] }) => [e.line, e.problems.map((p) => p.field)]));
    // Row i is on line i + 2 (the header is line 1).
    expect(byLine.get(37 + 2)).toEqual(['NIP BARU']);
    expect(byLine.get(137 + 2)).toEqual(['TGL LAHIR']);
    expect(byLine.get(237 + 2)).toEqual(['GOL AKHIR NAMA']);
    expect(byLine.get(337 + 2)).toEqual(['UNOR ID', 'JABATAN ID']);
    expect(await h.db.query('SELECT count(*)::int AS n FROM employee')).toEqual([{ n: 9_900 }]);
    expect(await h.db.query('SELECT count(*)::int AS n FROM employee_history')).toEqual([{ n: 29_700 }]);
    // Every stored row has its registered event, delivered to Kafka once the outbox drains.
    const deadline = Date.now() + 60_000;
    while ((await h.db.query('SELECT count(*)::int AS n FROM outbox_event'))[0].n > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const admin = new Kafka({ clientId: 'import-test', brokers: [h.broker.address], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets('siap.employee.v1');
    await admin.disconnect();
    expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(9_900);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await h.db.query('SELECT count(*)::int AS employees, max(updated_at) AS last FROM employee');
    const job = await finished(h, (await upload(h, csv)).body.id);
    expect(job).toMatchObject({ status: 'DONE', progress: { imported: 0, unchanged: 9_900, failed: 100 } });
    expect(await h.db.query('SELECT count(*)::int AS employees, max(updated_at) AS last FROM employee')).toEqual(before);
  });

  it("reports a blank name or a control character as that row's error, and keeps the first 1,000 row errors", async () => {
    const spec = (seq: number, defect?: CsvRowSpec['defect']): CsvRowSpec => ({ seq, unitCode: 'DINKES', positionCode: 'DINKES-PELAKSANA', defect });
    const lines = siasnCsv([spec(40_001), spec(40_002), ...Array.from({ length: 1_500 }, (_, i) => spec(41_000 + i, 'nip'))]).split('\n');
    lines[1] = lines[1].replace('Pegawai Impor 40001', ' ');
    lines[2] = lines[2].replace('Pegawai Impor 40002', 'Ahmad\u0000P');
    const job = await finished(h, (await upload(h, lines.join('\n'))).body.id);
    expect(job).toMatchObject({ status: 'DONE', progress: { imported: 0, failed: 1_502 }, errorCount: 1_502 });
    expect(job.errors).toHaveLength(100); // a page; the job keeps the first 1,000
    expect(job.errors.slice(0, 2)).toEqual([
      { line: 2, key: expect.any(String), problems: [{ field: 'NAMA', message: 'wajib diisi' }] },
      { line: 3, key: expect.any(String), problems: [{ field: 'NAMA', message: 'tidak boleh memuat karakter kendali' }] },
    ]);
    const lastPage = (await h.call('GET', `/api/v1/siap/jobs/${job.id}?errorsFrom=900`)).body.errors;
    expect(lastPage.length).toBeGreaterThan(0);
    expect(await h.db.query('SELECT count(*)::int AS n FROM job_error WHERE job_id = $1', [job.id])).toEqual([{ n: 1_000 }]);
  });

  it('refuses a file without the required SIASN columns, and reports a NIP twice in one file', async () => {
    const bad = await upload(h, 'NIP BARU,NAMA\n196608011988031001,Andi\n');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^Kolom wajib tidak ada: TGL LAHIR/);
    const twice = siasnCsv([
      { seq: 20_001, unitCode: 'DINKES', positionCode: 'DINKES-PELAKSANA' },
      { seq: 20_001, unitCode: 'DINKES', positionCode: 'DINKES-PELAKSANA' },
    ]);
    const job = await finished(h, (await upload(h, twice)).body.id);
    expect(job).toMatchObject({ progress: { imported: 1, failed: 1 } });
    expect(job.errors[0]).toMatchObject({ line: 3, problems: [{ field: 'NIP BARU', message: 'NIP ganda dalam berkas (sudah ada di baris 2)' }] });
  });

  it("stores an operator's rows of their own unit and below, and reports the others as row errors", async () => {
    const operator = { nip: '198503152010031004', name: 'Operator BKD', roles: ['OPERATOR_OPD' as const, 'PEGAWAI' as const], unitCode: 'BKD' };
    const file = siasnCsv([
      { seq: 21_001, unitCode: 'BKD-MUTASI', positionCode: 'BKD-ANALIS' },
      { seq: 21_002, unitCode: 'DINKES', positionCode: 'DINKES-PELAKSANA' },
    ]);
    const started = await h.call('POST', '/api/v1/siap/imports/employees', file, operator, 'text/csv');
    expect(started.status).toBe(202);
    const job = await finished(h, started.body.id);
    expect(job.errors).toEqual([{ line: 3, key: expect.any(String), problems: [{ field: 'UNOR ID', message: 'di luar unit kerja yang Anda kelola (BKD)' }] }]);
    expect(job).toMatchObject({ status: 'DONE', progress: { imported: 1, failed: 1 } });
    const pegawai = { ...operator, nip: '199003152015031002', roles: ['PEGAWAI' as const] };
    expect((await h.call('POST', '/api/v1/siap/imports/employees', file, pegawai, 'text/csv')).status).toBe(403);
  });
});
