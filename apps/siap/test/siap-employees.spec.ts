import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { registration, seedOrganisation, startSiap, type SiapHarness } from './siap-fixture';

const kcatInstalled = spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status === 0;
if (!kcatInstalled) console.warn('kcat is not installed: its check is skipped. Install it with: sudo apt-get install -y kcat');

async function readEvents(h: SiapHarness, count: number, groupId: string) {
  const consumer = new Kafka({ clientId: 'siap-test', brokers: [h.broker.address], logLevel: logLevel.NOTHING }).consumer({ groupId, maxWaitTimeInMs: 200 });
  const events: { key: string; headers: Record<string, string>; value: any }[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: 'siap.employee.v1', fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) =>
      void events.push({
        key: message.key!.toString(),
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
        value: JSON.parse(message.value!.toString()),
      }),
  });
  const deadline = Date.now() + 30_000;
  while (events.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await consumer.disconnect();
  return events;
}

describe('SIAP employees over HTTP, with events through the outbox', () => {
  let h: SiapHarness;

  beforeAll(async () => {
    h = await startSiap();
    await seedOrganisation(h);
  });
  afterAll(() => h.close());

  it('registers an employee: the row, the history and a CloudEvent that kafkajs and kcat both read', async () => {
    const r = await h.call('POST', '/api/v1/siap/employees', registration(2));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      nip: '197003152015031002',
      unitPath: ['BKD-MUTASI', 'BKD'],
      kelasJabatan: 8,
      supervisorPositionCode: 'BKD-KABID-MUTASI',
      status: 'AKTIF',
      version: 1,
    });
    expect(await h.db.query('SELECT count(*)::int AS n FROM employee_history WHERE nip = $1', ['197003152015031002'])).toEqual([{ n: 3 }]);

    const [event] = await readEvents(h, 1, 'first-reader');
    expect(event.key).toBe('197003152015031002');
    expect(event.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_type: 'siap.employee.registered',
      ce_source: '/sulteng/siap',
      ce_subject: '197003152015031002',
      'content-type': 'application/json',
    });
    expect(event.headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(event.value.employee).toEqual(r.body);

    if (kcatInstalled) {
      // Asynchronously: the broker runs in this process and must keep answering while kcat reads.
      const out = await promisify(execFile)(
        'kcat',
        ['-b', h.broker.address, '-C', '-t', 'siap.employee.v1', '-o', 'beginning', '-e', '-q', '-f', '%k|%h|%s\\n'],
        { timeout: 30_000 },
      );
      const [key, headers, value] = out.stdout.trim().split('\n')[0].split('|');
      expect(key).toBe('197003152015031002');
      expect(headers).toContain('ce_type=siap.employee.registered');
      expect(headers).toContain(`ce_id=${event.headers.ce_id}`);
      expect(JSON.parse(value).employee.nip).toBe('197003152015031002');
    }
  });

  it('rejects bad NIPs and fields with messages naming the field, writing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [registration(3, { nip: '12345' }), 'nip'],
      [registration(3, { nip: '197002302015031003' }), 'nip'],
      [registration(3, { birthDate: '1971-03-15' }), 'birthDate'],
      [registration(3, { sex: 'L' }), 'sex'],
      [registration(3, { golongan: 'V/a' }), 'golongan'],
      [registration(3, { employmentType: 'HONORER' }), 'employmentType'],
      [registration(3, { unitCode: 'NOPE' }), 'unitCode'],
      [registration(3, { positionCode: 'DINKES-PELAKSANA' }), 'positionCode'],
      [registration(3, { tmtCpns: '2015-02-30' }), 'tmtCpns'],
      [registration(3, { salary: 1 }), 'salary'],
    ];
    for (const [body, field] of cases) {
      const r = await h.call('POST', '/api/v1/siap/employees', body);
      expect({ field, status: r.status }).toEqual({ field, status: 400 });
      expect(r.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(r.body.message).toMatch(/^Data tidak valid: /);
    }
    const blank = await h.call('POST', '/api/v1/siap/employees', registration(3, { name: '   ' }));
    expect(blank.body.details).toEqual([{ field: 'name', message: 'wajib diisi' }]);
    const { name: _left, ...missing } = registration(3);
    expect((await h.call('POST', '/api/v1/siap/employees', missing)).body.details).toEqual([{ field: 'name', message: 'wajib diisi' }]);
    const malformed = await h.call('POST', '/api/v1/siap/employees', '{"nip": ');
    expect(malformed.status).toBe(400);
    expect(await h.db.query('SELECT count(*)::int AS n FROM employee')).toEqual([{ n: 1 }]);
    expect((await h.call('POST', '/api/v1/siap/employees', registration(2))).status).toBe(409);
  });

  it('lets one of two concurrent transfers of an employee win; the other gets 409', async () => {
    const nip = (await h.call('POST', '/api/v1/siap/employees', registration(4))).body.nip;
    const transfer = (sk: string) =>
      h.call('POST', `/api/v1/siap/employees/${nip}/transfers`, {
        version: 1,
        skNumber: sk,
        tmt: '2026-12-01',
        unitCode: 'DINKES',
        positionCode: 'DINKES-PELAKSANA',
      });
    const results = await Promise.all([transfer('SK-A'), transfer('SK-B')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const conflictBody = results.find((r) => r.status === 409)!.body;
    expect(conflictBody.details[0].field).toBe('version');
    const current = await h.call('GET', `/api/v1/siap/employees/${nip}`);
    expect(current.body).toMatchObject({ unitCode: 'DINKES', version: 2 });
    expect(current.body.history.filter((x: { section: string }) => x.section === 'unit')).toHaveLength(2);
  });

  it('corrects personal data with optimistic locking, and lists with filters and paging', async () => {
    const nip = (await h.call('POST', '/api/v1/siap/employees', registration(6))).body.nip;
    const fixed = await h.call('PATCH', `/api/v1/siap/employees/${nip}`, { version: 1, name: 'Siti Rahmawati', email: 'siti@sultengprov.go.id' });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ name: 'Siti Rahmawati', email: 'siti@sultengprov.go.id', version: 2 });
    const emptied = await h.call('PATCH', `/api/v1/siap/employees/${nip}`, { version: 2, name: null });
    expect([emptied.status, emptied.body.details]).toEqual([400, [{ field: 'name', message: 'harus berupa teks' }]]);
    const huge = await h.call('GET', '/api/v1/siap/employees?page=99999999999999999999');
    expect([huge.status, huge.body.details]).toEqual([400, [{ field: 'page', message: 'maksimal 1000000' }]]);
    const stale = await h.call('PATCH', `/api/v1/siap/employees/${nip}`, { version: 1, name: 'Siti R.' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/diubah oleh pengguna lain/);

    const inBkd = await h.call('GET', '/api/v1/siap/employees?unitCode=BKD&pageSize=1');
    expect(inBkd.body.total).toBe(2); // the sub-unit BKD-MUTASI counts as BKD; the transferred one left for DINKES
    expect(inBkd.body.items).toHaveLength(1);
    expect((await h.call('GET', '/api/v1/siap/employees?q=rahmawati')).body.items.map((e: { nip: string }) => e.nip)).toEqual([nip]);
    expect((await h.call('GET', `/api/v1/siap/employees?q=${nip.slice(0, 10)}`)).body.total).toBeGreaterThanOrEqual(1);
    const bad = await h.call('GET', '/api/v1/siap/employees?pageSize=9999');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('pageSize');
  });

  it('records education, training, discipline and awards in the history', async () => {
    const nip = (await h.call('POST', '/api/v1/siap/employees', registration(10))).body.nip;
    const entries: [string, Record<string, unknown>][] = [
      ['education', { tmt: '2012-08-30', details: { level: 'S1', institution: 'Universitas Tadulako', major: 'Administrasi Publik' } }],
      ['training', { skNumber: 'DIKLAT/2019/044', tmt: '2019-05-10', details: { name: 'Pelatihan Dasar CPNS', hours: 240 } }],
      [
        'discipline',
        { skNumber: '800/HD/2024/3', tmt: '2024-02-01', details: { level: 'ringan', sentence: 'teguran lisan', from: '2024-02-01', to: '2024-08-01' } },
      ],
      ['awards', { skNumber: 'SLKS/2025/10', tmt: '2025-08-17', details: { name: 'Satyalancana Karya Satya X Tahun' } }],
    ];
    for (const [section, body] of entries) expect((await h.call('POST', `/api/v1/siap/employees/${nip}/history/${section}`, body)).status).toBe(201);
    for (const section of ['salary', '__proto__', 'constructor', 'toString']) {
      expect((await h.call('POST', `/api/v1/siap/employees/${nip}/history/${section}`, { details: {} })).status).toBe(404);
    }
    expect((await h.call('POST', `/api/v1/siap/employees/${nip}/history/awards`, { details: 'x' })).body.details).toEqual([
      { field: 'details', message: 'harus berupa objek' },
    ]);
    const sections = (await h.call('GET', `/api/v1/siap/employees/${nip}`)).body.history.map((x: { section: string }) => x.section);
    expect(sections).toEqual(expect.arrayContaining(['pendidikan', 'diklat', 'hukuman_disiplin', 'penghargaan', 'golongan', 'jabatan', 'unit']));
  });

  it('keeps registering while Kafka is down and delivers every event after it returns', async () => {
    await h.broker.halt();
    for (let i = 100; i < 200; i++) {
      const r = await h.call('POST', '/api/v1/siap/employees', registration(i, { unitCode: 'DINKES', positionCode: 'DINKES-PELAKSANA' }));
      expect(r.status).toBe(201);
    }
    // Readiness reports Kafka down while the outbox cannot be published.
    const deadline = Date.now() + 20_000;
    let ready = await h.call('GET', '/health/ready');
    while (ready.status === 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      ready = await h.call('GET', '/health/ready');
    }
    expect(ready.status).toBe(503);
    expect(ready.body.checks.kafka).toBe('down');
    await h.broker.resume();
    const events = await readEvents(h, 106, 'after-outage'); // 104 registered, 1 transferred, 1 updated
    const registered = new Set(events.filter((e) => e.headers.ce_type === 'siap.employee.registered').map((e) => e.key));
    expect(registered.size).toBe(104);
    expect(events.some((e) => e.headers.ce_type === 'siap.employee.transferred')).toBe(true);
  });

  it('answers health, metrics and OpenAPI', async () => {
    expect((await h.call('GET', '/health/live')).status).toBe(200);
    const ready = await h.call('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'up', kafka: 'up', outbox: 'up' } });
    const docs = await h.call('GET', '/api/v1/siap/docs/json');
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/siap/employees', '/api/v1/siap/employees/{nip}/transfers']));
    const metrics = await fetch(`${h.baseUrl}/metrics`);
    expect(await metrics.text()).toMatch(/http_request_duration_seconds_bucket/);
  });
});
