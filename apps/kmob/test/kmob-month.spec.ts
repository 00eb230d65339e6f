import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { waitFor } from '@app/testing';
import { ADMIN, person, seedSulteng, startPlatform, STAFF, type Platform } from './kmob-fixture';

const kcatInstalled = spawnSync('kcat', ['-V'], { stdio: 'ignore' }).status === 0;
if (!kcatInstalled) console.warn('kcat is not installed: its check is skipped. Install it with: sudo apt-get install -y kcat');

const analis = person(STAFF.analis.nip, ['PEGAWAI'], 'BKD-MUTASI', 'Analis');
const analis2 = person(STAFF.analis2.nip, ['PEGAWAI'], 'BKD-MUTASI', 'Analis 2');
const kabid = person(STAFF.kabid.nip, ['PEGAWAI', 'ATASAN'], 'BKD-MUTASI', 'Kabid');
const kadinkes = person(STAFF.kadinkes.nip, ['PEGAWAI', 'ATASAN'], 'DINKES', 'Kadinkes');
const perawat = person(STAFF.perawat.nip, ['PEGAWAI'], 'DINKES', 'Perawat');

/** August 2026: weekends, the 17th (Independence Day) and the 25th (Maulid Nabi) are off; 19 working days. */
const WORKING_DAYS = ['03', '04', '05', '06', '07', '10', '11', '12', '13', '14', '18', '19', '20', '21', '24', '26', '27', '28', '31'].map(
  (d) => `2026-08-${d}`,
);
const FRIDAYS = new Set(['2026-08-07', '2026-08-14', '2026-08-21', '2026-08-28']);

/** The analyst's month: on time except the days below (local times, as the machine writes them). */
const EXCEPTIONS: Record<string, { in?: string | null; out?: string | null }> = {
  '2026-08-04': { in: '07:45' }, // 15 min late → TL1 0.5%
  '2026-08-05': { in: '08:10' }, // 40 → TL2 1%
  '2026-08-06': { in: '08:50' }, // 80 → TL3 1.25%
  '2026-08-07': { in: '09:30' }, // 120 → TL4 2.5%
  '2026-08-11': { out: '15:30' }, // left 30 min early → PSW1 0.5%
  '2026-08-12': { out: null }, // no check-out → PSW4 2.5%
  '2026-08-13': { in: null, out: null }, // nothing → TK 3%
  '2026-08-14': { in: '07:20', out: '15:00' }, // Friday ends 16:30: 90 early → PSW3 1.25%
};

function monthOfLogs(nip: string, exceptions: typeof EXCEPTIONS, skip: string[] = []): string[] {
  const rows: string[] = [];
  for (const date of WORKING_DAYS) {
    if (skip.includes(date)) continue;
    const e = exceptions[date] ?? {};
    const inAt = e.in === undefined ? '07:25' : e.in;
    const outAt = e.out === undefined ? (FRIDAYS.has(date) ? '16:35' : '16:05') : e.out;
    if (inAt) rows.push(`${nip},${date} ${inAt}:00,MASUK`);
    if (outAt) rows.push(`${nip},${date} ${outAt}:00,PULANG`);
  }
  return rows;
}

async function importCsv(p: Platform, csv: string) {
  const started = await p.kmob('POST', '/api/v1/kmob/check-ins/import', csv, ADMIN, 'text/csv');
  expect(started.status).toBe(202);
  let job = started.body;
  await waitFor(async () => {
    job = (await p.kmob('GET', `/api/v1/kmob/jobs/${started.body.id}`)).body;
    return job.status === 'DONE' || job.status === 'FAILED';
  }, 'the import job');
  return job;
}

describe('K-Mob month: imported logs, requests, close and corrections', () => {
  let p: Platform;

  beforeAll(async () => {
    p = await startPlatform();
    await seedSulteng(p);
    // Mutasi: the second analyst moves to Dinas Kesehatan from 17 August (TMT), decided in SIAP.
    const current = await p.siap('GET', `/api/v1/siap/employees/${analis2.nip}`);
    const moved = await p.siap('POST', `/api/v1/siap/employees/${analis2.nip}/transfers`, {
      version: current.body.version,
      skNumber: '821.2/045/BKD/2026',
      tmt: '2026-08-17',
      unitCode: 'DINKES',
      positionCode: 'DINKES-STAF',
    });
    expect(moved.status).toBe(200);
    await p.projected(analis2.nip, current.body.version + 1);
  }, 60_000);

  afterAll(() => p?.close());

  it('imports a month of machine logs with per-row errors, and a second import changes nothing', async () => {
    const csv = [
      'NIP,WAKTU,JENIS',
      ...monthOfLogs(analis.nip, EXCEPTIONS),
      `${analis.nip},2026-08-17 07:30:00,MASUK`, // a holiday: recorded, still L
      `${analis.nip},2026-08-08 08:00:00,MASUK`, // a Saturday
      ...monthOfLogs(analis2.nip, {}, ['2026-08-06', '2026-08-20']), // absent once before and once after the transfer
      '12345,2026-08-03 07:00:00,MASUK',
      `${analis.nip},2026-08-03 07:00:00,ISTIRAHAT`,
      `${analis.nip},2099-01-01 07:00:00,MASUK`,
      '199901012020121001,2026-08-03 07:00:00,MASUK',
      `${analis.nip},2026-02-30 07:10:00,MASUK`, // no such day: not a check-in on 2 March
      `${analis.nip},2026-08-03 24:10,MASUK`,
      `${analis.nip}\u0000,2026-08-03 07:10,MASUK`,
    ].join('\n');
    const job = await importCsv(p, csv);
    expect(job).toMatchObject({ status: 'DONE', progress: { failed: 7, unchanged: 0 } });
    expect(job.errors.map((e: { line: number; problems: { field: string }[] }) => [e.problems[0].field])).toEqual([
      ['NIP'],
      ['JENIS'],
      ['WAKTU'],
      ['NIP'],
      ['WAKTU'],
      ['WAKTU'],
      ['NIP'],
    ]);
    expect(job.errors[3].problems[0].message).toContain('tidak dikenal');
    expect(job.errors[4].problems[0].message).toBe('harus berupa waktu yang ada, YYYY-MM-DD HH:MM[:SS]');
    expect(job.errors[6]).toMatchObject({ key: `${analis.nip}\uFFFD`, problems: [{ field: 'NIP', message: 'tidak boleh memuat karakter kendali' }] });
    expect(await p.db.query(`SELECT count(*)::int AS n FROM check_in WHERE work_date < '2026-08-01'`)).toEqual([{ n: 0 }]);
    const again = await importCsv(p, csv);
    expect(again).toMatchObject({ status: 'DONE', progress: { imported: 0, unchanged: job.progress.imported, failed: 7 } });
  });

  it('resolves every day of the month: late bands, early leave, TK, weekends and holidays', async () => {
    const r = await p.kmob('GET', `/api/v1/kmob/days?nip=${analis.nip}&month=2026-08`, undefined, kabid);
    expect(r.status).toBe(200);
    const byDate = Object.fromEntries(r.body.days.map((d: { date: string }) => [d.date, d]));
    expect(r.body.days).toHaveLength(31);
    expect(byDate['2026-08-03']).toMatchObject({ status: 'H', minutesLate: 0, minutesEarly: 0, checkIn: '07:25', checkOut: '16:05', unitCode: 'BKD-MUTASI' });
    expect(byDate['2026-08-04']).toMatchObject({ status: 'TL1', minutesLate: 15, deductionPercent: 0.5 });
    expect(byDate['2026-08-05']).toMatchObject({ status: 'TL2', minutesLate: 40, deductionPercent: 1 });
    expect(byDate['2026-08-06']).toMatchObject({ status: 'TL3', minutesLate: 80, deductionPercent: 1.25 });
    expect(byDate['2026-08-07']).toMatchObject({ status: 'TL4', minutesLate: 120, deductionPercent: 2.5 });
    expect(byDate['2026-08-11']).toMatchObject({ status: 'PSW1', minutesEarly: 30, deductionPercent: 0.5 });
    expect(byDate['2026-08-12']).toMatchObject({ status: 'PSW4', checkOut: null, deductionPercent: 2.5 });
    expect(byDate['2026-08-13']).toMatchObject({ status: 'TK', deductionPercent: 3 });
    expect(byDate['2026-08-14']).toMatchObject({ status: 'PSW3', minutesEarly: 90, deductionPercent: 1.25 });
    expect(byDate['2026-08-08']).toMatchObject({ status: 'L', checkIn: '08:00' });
    expect(byDate['2026-08-17']).toMatchObject({ status: 'L', holiday: 'Proklamasi Kemerdekaan Republik Indonesia' });
    expect(byDate['2026-08-25']).toMatchObject({ status: 'L', holiday: 'Maulid Nabi Muhammad SAW' });

    const summary = await p.kmob('GET', `/api/v1/kmob/summaries?nip=${analis.nip}&month=2026-08`, undefined, analis);
    expect(summary.status).toBe(200);
    expect(summary.body.counts).toEqual({ H: 11, TL1: 1, TL2: 1, TL3: 1, TL4: 1, PSW1: 1, PSW4: 1, TK: 1, PSW3: 1, L: 12 });
    expect(summary.body.deductionPercent).toBe(12.5);
    expect(summary.body.contributingDays).toHaveLength(8);
    expect(summary.body.units).toEqual([{ unitCode: 'BKD-MUTASI', workingDays: 19, deductionPercent: 12.5 }]);
    // Another unit's atasan, and a colleague, may not read it.
    expect((await p.kmob('GET', `/api/v1/kmob/days?nip=${analis.nip}&month=2026-08`, undefined, kadinkes)).status).toBe(403);
    expect((await p.kmob('GET', `/api/v1/kmob/summaries?nip=${analis.nip}&month=2026-08`, undefined, perawat)).status).toBe(403);
  });

  it('summarises an employee transferred mid-month under the unit of each day', async () => {
    const summary = await p.kmob('GET', `/api/v1/kmob/summaries?nip=${analis2.nip}&month=2026-08`);
    expect(summary.body.counts).toMatchObject({ TK: 2, L: 12 });
    expect(summary.body.units).toEqual([
      { unitCode: 'BKD-MUTASI', workingDays: 10, deductionPercent: 3 },
      { unitCode: 'DINKES', workingDays: 9, deductionPercent: 3 },
    ]);
    expect(summary.body.contributingDays.map((d: { date: string; unitCode: string }) => [d.date, d.unitCode])).toEqual([
      ['2026-08-06', 'BKD-MUTASI'],
      ['2026-08-20', 'DINKES'],
    ]);
  });

  it('bounds every request type by its span and filing window before counting anything', async () => {
    // What a probe sent: any pegawai, 8,000 years of izin. Dates past 2100 are not dates a person means.
    const probe = await p.kmob('POST', '/api/v1/kmob/requests', { type: 'IZIN', startDate: '2030-01-01', endDate: '9999-12-31', reason: 'uji' }, analis);
    expect(probe.status).toBe(400);
    expect(probe.body.details).toEqual([{ field: 'endDate', message: 'harus berupa tanggal YYYY-MM-DD yang ada (tahun 1900–2100)' }]);
    const started = Date.now();
    const wide = await p.kmob('POST', '/api/v1/kmob/requests', { type: 'IZIN', startDate: '2026-12-01', endDate: '2099-12-31', reason: 'uji' }, analis);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(wide.status).toBe(422);
    expect(wide.body.message).toMatch(/^IZIN paling lama 3 hari kalender; diminta 26694 hari$/);
    expect(wide.body.info).toMatchObject({ rule: 'leave-types', effectiveFrom: '2026-01-01', maxCalendarDays: 3 });
    const old = await p.kmob('POST', '/api/v1/kmob/requests', { type: 'SAKIT', startDate: '2026-08-13', endDate: '2026-08-13', reason: 'Sakit' }, analis);
    expect(old.status).toBe(422);
    expect(old.body.message).toBe('SAKIT paling lambat diajukan 30 hari setelah tanggal mulainya');
    expect(await p.db.query('SELECT count(*)::int AS n FROM attendance_request')).toEqual([{ n: 0 }]);
    // After an outage BKD widens the filing windows (as data, through the API) so late paperwork can be filed.
    await widenFilingWindows(p);
  });

  it('keeps the annual leave balance, refuses overlap and excess, and lets only the right atasan decide', async () => {
    const leave = await p.kmob(
      'POST',
      '/api/v1/kmob/requests',
      { type: 'CUTI_TAHUNAN', startDate: '2026-12-07', endDate: '2026-12-11', reason: 'Urusan keluarga' },
      analis,
    );
    expect(leave.status).toBe(201);
    expect(leave.body).toMatchObject({ workingDays: 5, status: 'PENDING' });
    const balance = await p.kmob('GET', `/api/v1/kmob/leave-balances/${analis.nip}?year=2026`, undefined, analis);
    expect(balance.body).toMatchObject({ available: 12, taken: 0, pending: 5, remaining: 12, requestable: 7 });
    // 14–23 December holds 8 working days (24 December is cuti bersama), more than the 7 left.
    const excess = await p.kmob(
      'POST',
      '/api/v1/kmob/requests',
      { type: 'CUTI_TAHUNAN', startDate: '2026-12-14', endDate: '2026-12-24', reason: 'Libur akhir tahun' },
      analis,
    );
    expect(excess.status).toBe(422);
    expect(excess.body.message).toContain('diminta 8 hari kerja, tersedia 7 hari');
    const overlap = await p.kmob('POST', '/api/v1/kmob/requests', { type: 'SAKIT', startDate: '2026-12-10', endDate: '2026-12-10', reason: 'Demam' }, analis);
    expect(overlap.status).toBe(422);
    expect(overlap.body.message).toContain('bertumpang tindih dengan CUTI_TAHUNAN 2026-12-07 s.d. 2026-12-11');
    // A request withdrawn before it is decided frees its days again.
    const withdrawn = await p.kmob(
      'POST',
      '/api/v1/kmob/requests',
      { type: 'IZIN', startDate: '2026-12-14', endDate: '2026-12-14', reason: 'Mengurus dokumen' },
      analis,
    );
    expect(withdrawn.status).toBe(201);
    expect((await p.kmob('POST', `/api/v1/kmob/requests/${withdrawn.body.id}/cancel`, undefined, analis2)).status).toBe(403);
    expect((await p.kmob('POST', `/api/v1/kmob/requests/${withdrawn.body.id}/cancel`, undefined, analis)).body.status).toBe('CANCELLED');
    expect((await p.kmob('POST', `/api/v1/kmob/requests/${withdrawn.body.id}/approve`, undefined, kabid)).status).toBe(409);
    expect(
      (await p.kmob('POST', '/api/v1/kmob/requests', { type: 'IZIN', startDate: '2026-12-14', endDate: '2026-12-14', reason: 'Mengurus dokumen' }, analis))
        .status,
    ).toBe(201);
    const bad = await p.kmob('POST', '/api/v1/kmob/requests', { type: 'CUTI_TAHUNAN', startDate: '2026-12-11', endDate: '2026-12-07', reason: 'x' }, analis);
    expect(bad.status).toBe(400);

    for (const who of [kadinkes, perawat, analis2, analis]) {
      const denied = await p.kmob('POST', `/api/v1/kmob/requests/${leave.body.id}/approve`, undefined, who);
      expect(denied.status).toBe(403);
    }
    const approved = await p.kmob('POST', `/api/v1/kmob/requests/${leave.body.id}/approve`, undefined, kabid);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', decidedBy: kabid.nip });
    expect((await p.kmob('POST', `/api/v1/kmob/requests/${leave.body.id}/reject`, { note: 'terlambat' }, kabid)).status).toBe(409);
    const after = await p.kmob('GET', `/api/v1/kmob/leave-balances/${analis.nip}?year=2026`, undefined, kabid);
    expect(after.body).toMatchObject({ taken: 5, pending: 0, remaining: 7, requestable: 7 });
    const pending = await p.kmob('GET', '/api/v1/kmob/requests?status=APPROVED', undefined, kabid);
    expect(pending.body.map((r: { id: string }) => r.id)).toContain(leave.body.id);
    const events = await p.messages('kmob.attendance.v1', 1);
    await waitFor(async () => (await p.messages('kmob.attendance.v1', 1)).some((m) => m.type === 'kmob.attendance.request-approved'), 'the approval event');
    expect(events.length).toBeGreaterThan(0);
  });

  it('holds each leave type to its limits, and keeps the attachment for the atasan', async () => {
    const long = await p.kmob(
      'POST',
      '/api/v1/kmob/requests',
      { type: 'CUTI_MELAHIRKAN', startDate: '2027-01-04', endDate: '2027-04-30', reason: 'Persalinan' },
      perawat,
    );
    expect(long.status).toBe(422);
    expect(long.body.message).toBe('CUTI_MELAHIRKAN paling lama 90 hari kalender; diminta 117 hari');
    const pdf = Buffer.from('%PDF-1.4\n% surat keterangan dokter\n').toString('base64');
    const sick = await p.kmob(
      'POST',
      '/api/v1/kmob/requests',
      { type: 'CUTI_SAKIT', startDate: '2027-01-04', endDate: '2027-01-08', reason: 'Rawat inap', attachment: pdf },
      perawat,
    );
    expect(sick.status).toBe(201);
    expect(sick.body.attachmentId).toMatch(/^[0-9a-f-]{36}$/);
    const file = await p.kmob('GET', `/api/v1/kmob/files/${sick.body.attachmentId}`, undefined, kadinkes);
    expect(file.status).toBe(200);
    expect(file.body).toContain('surat keterangan dokter');
    expect((await p.kmob('GET', `/api/v1/kmob/files/${sick.body.attachmentId}`, undefined, kabid)).status).toBe(403);
    const notAFile = await p.kmob(
      'POST',
      '/api/v1/kmob/requests',
      { type: 'IZIN', startDate: '2027-01-11', endDate: '2027-01-11', reason: 'Urusan keluarga', attachment: 'bukan base64!' },
      perawat,
    );
    expect(notAFile.status).toBe(400);
    expect(notAFile.body.details).toEqual([{ field: 'attachment', message: 'harus berupa data base64' }]);
    expect(await p.db.query(`SELECT count(*)::int AS n FROM attendance_request WHERE nip = $1`, [perawat.nip])).toEqual([{ n: 1 }]); // only the sick leave
  });

  it('closes a month once, publishes nothing new when closed again, and a correction publishes the next version', async () => {
    expect((await p.kmob('POST', '/api/v1/kmob/months/2026-08/close', undefined, kabid)).status).toBe(403);
    expect((await p.kmob('POST', '/api/v1/kmob/months/2099-01/close')).status).toBe(422);
    const first = await closeMonth(p, '2026-08');
    expect(first).toMatchObject({
      kind: 'kmob.month-close',
      status: 'DONE',
      progress: { total: 5, processed: 5, employees: 5, published: 5, unchanged: 0 },
      createdBy: ADMIN.nip,
    });
    const closed = await p.messages('kmob.discipline.v1', 5);
    expect(closed.map((m) => m.type)).toEqual(Array(5).fill('kmob.discipline.month-closed'));
    expect(closed.find((m) => m.key === analis.nip)!.data).toMatchObject({ month: '2026-08', version: 1, deductionPercent: 12.5 });

    const second = await closeMonth(p, '2026-08');
    expect(second).toMatchObject({ status: 'DONE', progress: { employees: 5, published: 0, unchanged: 5 } });
    expect(await endOffsets(p, 'kmob.discipline.v1')).toBe(5);

    // Sick on the 13th, filed and approved after the close: the TK day becomes S.
    const sick = await p.kmob(
      'POST',
      '/api/v1/kmob/requests',
      { type: 'SAKIT', startDate: '2026-08-13', endDate: '2026-08-13', reason: 'Sakit, surat dokter menyusul' },
      analis,
    );
    expect(sick.status).toBe(201);
    expect((await p.kmob('POST', `/api/v1/kmob/requests/${sick.body.id}/approve`, undefined, kabid)).status).toBe(200);
    // A machine log of the transferred analyst's 20th arrives late too.
    const late = await importCsv(p, ['NIP,WAKTU,JENIS', `${analis2.nip},2026-08-20 07:20:00,MASUK`, `${analis2.nip},2026-08-20 16:10:00,PULANG`].join('\n'));
    expect(late).toMatchObject({ status: 'DONE', progress: { imported: 2 } });

    const all = await p.messages('kmob.discipline.v1', 7);
    // Different keys may sit on different partitions: their order is not defined.
    const corrections = all.filter((m) => m.type === 'kmob.discipline.month-corrected').sort((a, b) => a.key.localeCompare(b.key));
    expect(corrections.map((m) => [m.key, m.data.version, m.data.deductionPercent])).toEqual([
      [analis.nip, 2, 9.5],
      [analis2.nip, 2, 3],
    ]);
    expect(corrections[0].data.counts).toMatchObject({ S: 1 });
    expect(corrections[0].data.counts.TK).toBeUndefined();
    const published = await p.kmob('GET', `/api/v1/kmob/months/2026-08/summaries/${analis.nip}`, undefined, analis);
    expect(published.body).toMatchObject({ version: 2, deductionPercent: 9.5 });
    const status = (await p.kmob('GET', '/api/v1/kmob/months/2026-08')).body;
    expect(status).toMatchObject({ closed: true, employees: 5, corrected: 2 });
    expect(status.runs).toHaveLength(2);
    const third = await closeMonth(p, '2026-08');
    expect(third).toMatchObject({ status: 'DONE', progress: { published: 0 } });

    if (kcatInstalled) {
      // What another agency's consumer sees, read by an independent client (librdkafka).
      const out = await promisify(execFile)(
        'kcat',
        ['-b', p.broker.address, '-C', '-t', 'kmob.discipline.v1', '-o', 'beginning', '-e', '-q', '-f', '%k|%h|%s\\n'],
        { timeout: 30_000 },
      );
      const lines = out.stdout
        .trim()
        .split('\n')
        .map((line) => line.split('|'));
      expect(lines).toHaveLength(7);
      const [, headers, value] = lines.find(([key, h]) => key === analis.nip && h.includes('month-corrected'))!;
      expect(headers).toContain('ce_source=/sulteng/kmob');
      expect(headers).toContain(`ce_subject=${analis.nip}`);
      expect(JSON.parse(value)).toMatchObject({ nip: analis.nip, month: '2026-08', version: 2, deductionPercent: 9.5 });
    }
  });

  it('corrects a closed month when SIAP records a mutasi back-dated into it', async () => {
    const current = await p.siap('GET', `/api/v1/siap/employees/${perawat.nip}`);
    const moved = await p.siap('POST', `/api/v1/siap/employees/${perawat.nip}/transfers`, {
      version: current.body.version,
      skNumber: '821.2/077/BKD/2026',
      tmt: '2026-08-24',
      unitCode: 'BKD-MUTASI',
      positionCode: 'BKD-ANALIS',
    });
    expect(moved.status).toBe(200);
    const all = await p.messages('kmob.discipline.v1', 8);
    const correction = all.find((m) => m.key === perawat.nip && m.type === 'kmob.discipline.month-corrected')!;
    // No logs at all: every working day is TK (3 %), 14 of them in Dinas Kesehatan and 5 after the move.
    expect(correction.data).toMatchObject({
      version: 2,
      deductionPercent: 57,
      units: [
        { unitCode: 'DINKES', workingDays: 14, deductionPercent: 42 },
        { unitCode: 'BKD-MUTASI', workingDays: 5, deductionPercent: 15 },
      ],
    });
  });

  it('keeps rule figures as effective-dated data that only admins change', async () => {
    const value = {
      lateBands: [
        { code: 'TL1', fromMinute: 1, toMinute: 30, percent: 0.5 },
        { code: 'TL2', fromMinute: 40, toMinute: null, percent: 1 },
      ],
      earlyLeaveBands: [{ code: 'PSW1', fromMinute: 1, toMinute: null, percent: 1 }],
      absentWithoutLeavePercent: 3,
      monthlyCapPercent: 100,
    };
    expect((await p.kmob('PUT', '/api/v1/kmob/rules/discipline/2027-01-01', { source: 'Pergub uji', value }, kabid)).status).toBe(403);
    const gap = await p.kmob('PUT', '/api/v1/kmob/rules/discipline/2027-01-01', { source: 'Pergub uji', value });
    expect(gap.status).toBe(400);
    expect(gap.body.details).toEqual([{ field: 'value.lateBands[1].fromMinute', message: 'harus 31 (pita harus bersambung mulai menit ke-1)' }]);
    value.lateBands[1].fromMinute = 31;
    const put = await p.kmob('PUT', '/api/v1/kmob/rules/discipline/2027-01-01', { source: 'Pergub Sulteng uji', value });
    expect(put.status).toBe(200);
    const versions = (await p.kmob('GET', '/api/v1/kmob/rules?kind=discipline')).body;
    expect(versions.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual(['2026-01-01', '2027-01-01']);
    // August keeps the figures in force in August.
    expect((await p.kmob('GET', `/api/v1/kmob/summaries?nip=${analis.nip}&month=2026-08`)).body.deductionPercent).toBe(9.5);
    const holidays = (await p.kmob('GET', '/api/v1/kmob/holidays?year=2026')).body;
    expect(holidays).toHaveLength(25);
    expect(holidays.filter((h: { kind: string }) => h.kind === 'CUTI_BERSAMA')).toHaveLength(8);
  });

  it('leaves the decision on a request to someone other than whoever filed it', async () => {
    const operator = person(STAFF.kabid.nip, ['PEGAWAI', 'ATASAN', 'OPERATOR_OPD'], 'BKD', 'Kabid, operator BKD');
    const filed = await p.kmob(
      'POST',
      '/api/v1/kmob/requests',
      { nip: analis.nip, type: 'IZIN', startDate: '2026-12-21', endDate: '2026-12-21', reason: 'Diajukan oleh operator' },
      operator,
    );
    expect(filed.status).toBe(201);
    expect(filed.body.createdBy).toBe(operator.nip);
    const own = await p.kmob('POST', `/api/v1/kmob/requests/${filed.body.id}/approve`, undefined, operator);
    expect(own.status).toBe(403);
    expect(own.body.message).toMatch(/^Permohonan yang Anda ajukan sendiri/);
    expect((await p.kmob('POST', `/api/v1/kmob/requests/${filed.body.id}/approve`)).status).toBe(200);
  });

  it.each([
    ['February 2026', '2026-02', 28],
    ['September 2026', '2026-09', 30],
    ['October 2026', '2026-10', 31],
  ])('closes %s (%s), a month of %d days', async (_name, month, days) => {
    const run = await closeMonth(p, month);
    expect(run).toMatchObject({ status: 'DONE', progress: { employees: 5, published: 5 } });
    expect((await p.kmob('GET', `/api/v1/kmob/months/${month}`)).body).toMatchObject({ month, closed: true, closing: false, employees: 5 });
    const summary = (await p.kmob('GET', `/api/v1/kmob/summaries?nip=${analis.nip}&month=${month}`)).body;
    expect(summary.days).toHaveLength(days);
    expect(summary.closedVersion).toBe(1);
  });

  it('refuses to close a month without rules in force, and closes the 29 days of February 2024 once they are set', async () => {
    const refused = await p.kmob('POST', '/api/v1/kmob/months/2024-02/close');
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('Bulan 2024-02 tidak dapat ditutup: belum ada aturan disiplin yang berlaku pada bulan itu');
    expect((await p.kmob('GET', '/api/v1/kmob/months/2024-02')).body).toMatchObject({ closed: false, closing: false });
    const rules = (await p.kmob('GET', '/api/v1/kmob/rules')).body as { kind: string; scope: string; effectiveFrom: string; value: unknown }[];
    for (const kind of ['discipline', 'schedule']) {
      const seeded = rules.find((r) => r.kind === kind && r.scope === '' && r.effectiveFrom === '2026-01-01')!;
      expect((await p.kmob('PUT', `/api/v1/kmob/rules/${kind}/2024-01-01`, { source: 'Aturan 2024 (uji)', value: seeded.value })).status).toBe(200);
    }
    expect(await closeMonth(p, '2024-02')).toMatchObject({ status: 'DONE', progress: { employees: 5, published: 5 } });
    expect((await p.kmob('GET', `/api/v1/kmob/summaries?nip=${analis.nip}&month=2024-02`)).body.days).toHaveLength(29);
  });

  it('marks a month closed only when its run succeeds, and shows run details to admins only', async () => {
    await p.db.query('ALTER TABLE month_summary RENAME TO month_summary_away'); // the database fails mid-run
    let failed: Record<string, unknown>;
    try {
      failed = await closeMonth(p, '2026-07');
    } finally {
      await p.db.query('ALTER TABLE month_summary_away RENAME TO month_summary');
    }
    expect(failed).toMatchObject({
      status: 'FAILED',
      message: expect.stringMatching(/^Penutupan bulan berhenti karena kesalahan pada server; bulan belum ditutup/),
    });
    expect(JSON.stringify(failed)).not.toMatch(/relation|month_summary/);
    expect((await p.kmob('GET', '/api/v1/kmob/months/2026-07')).body).toMatchObject({ closed: false, closing: false, employees: 0 });
    expect(await closeMonth(p, '2026-07')).toMatchObject({ status: 'DONE', progress: { published: 5 } });
    const forAdmin = (await p.kmob('GET', '/api/v1/kmob/months/2026-07')).body;
    expect(forAdmin).toMatchObject({ closed: true, closedBy: ADMIN.nip });
    expect(forAdmin.runs.map((r: { status: string }) => r.status)).toEqual(['DONE', 'FAILED']);
    const forPegawai = (await p.kmob('GET', '/api/v1/kmob/months/2026-07', undefined, analis)).body;
    expect(forPegawai).toEqual({ month: '2026-07', closed: true, closing: false, closedAt: forAdmin.closedAt, employees: 5, corrected: 0 });
  });
});

/** The seeded request limits with filing windows of ten years back and ahead, as BKD would set them after an outage. */
async function widenFilingWindows(p: Platform) {
  const [seeded] = (await p.kmob('GET', '/api/v1/kmob/rules?kind=leave-types')).body as { effectiveFrom: string; value: Record<string, object> }[];
  const value = Object.fromEntries(Object.entries(seeded.value).map(([type, limit]) => [type, { ...limit, maxDaysBack: 3650, maxDaysAhead: 3650 }]));
  const put = await p.kmob('PUT', `/api/v1/kmob/rules/leave-types/${seeded.effectiveFrom}`, {
    source: 'Keputusan Kepala BKD (uji): jendela pengajuan dibuka setelah gangguan',
    value,
  });
  expect(put.status).toBe(200);
}

/** Starts closing the month and follows the run until it is done. */
async function closeMonth(p: Platform, month: string) {
  const started = await p.kmob('POST', `/api/v1/kmob/months/${month}/close`);
  expect(started.status).toBe(202);
  let run = started.body;
  await waitFor(async () => {
    run = (await p.kmob('GET', `/api/v1/kmob/jobs/${started.body.id}`)).body;
    return run.status === 'DONE' || run.status === 'FAILED';
  }, `closing ${month}`);
  return run;
}

async function endOffsets(p: Platform, topic: string): Promise<number> {
  await waitFor(async () => ((await p.db.query('SELECT count(*)::int AS n FROM outbox_event')) as { n: number }[])[0].n === 0, 'the outbox to drain');
  const admin = new Kafka({ brokers: [p.broker.address], clientId: 'kmob-offsets', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, o) => sum + Number(o.high), 0);
  } finally {
    await admin.disconnect();
  }
}
