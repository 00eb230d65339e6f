import { createHash } from 'node:crypto';
import { waitFor } from '@app/testing';
import { ADMIN, person, seedSulteng, startPlatform, STAFF, type Platform } from './kmob-fixture';

/** BKD Sulteng and the Governor's office in Palu (public maps, rounded), ~1.4 km apart. */
const BKD_OFFICE = { name: 'Kantor BKD Sulteng', latitude: -0.8979, longitude: 119.8594, radiusMeters: 100 };
const GUBERNUR = { name: 'Kantor Gubernur Sulteng', latitude: -0.8917, longitude: 119.8707, radiusMeters: 100 };
const north = (meters: number) => ({ latitude: BKD_OFFICE.latitude + meters / 111_195, longitude: BKD_OFFICE.longitude });

const analis = person(STAFF.analis.nip, ['PEGAWAI'], 'BKD-MUTASI', 'Analis');
const analis2 = person(STAFF.analis2.nip, ['PEGAWAI'], 'BKD-MUTASI', 'Analis 2');
const kabid = person(STAFF.kabid.nip, ['PEGAWAI', 'ATASAN'], 'BKD-MUTASI', 'Kabid');
const opBkd = person('198001012006041099', ['PEGAWAI', 'OPERATOR_OPD'], 'BKD', 'Operator BKD');
const opDinkes = person('198001012006041098', ['PEGAWAI', 'OPERATOR_OPD'], 'DINKES', 'Operator Dinkes');
const perawat = person(STAFF.perawat.nip, ['PEGAWAI'], 'DINKES', 'Perawat');

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const fix = (at: { latitude: number; longitude: number }, extra: Record<string, unknown> = {}) => ({
  type: 'IN',
  latitude: at.latitude,
  longitude: at.longitude,
  accuracyMeters: 10,
  mocked: false,
  deviceId: 'android-test',
  ...extra,
});
/** The smallest valid PNG header followed by filler: enough for the signature check. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]).toString('base64');

describe('K-Mob check-ins', () => {
  let p: Platform;

  beforeAll(async () => {
    p = await startPlatform();
    await seedSulteng(p);
    // Every day a working day in both OPDs, whatever day the suite runs on (weekends, holidays).
    const everyDay = { days: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, { start: '07:30', end: '16:00' }])) };
    for (const unitCode of ['BKD', 'DINKES']) {
      const r = await p.kmob('PUT', '/api/v1/kmob/rules/schedule/2026-01-01', { source: 'Jadwal uji: tujuh hari kerja', value: everyDay, unitCode }, ADMIN);
      expect(r.status).toBe(200);
    }
    await p.kmob('DELETE', `/api/v1/kmob/holidays/${today}`, undefined, ADMIN);
  }, 60_000);

  afterAll(() => p?.close());

  it('lets operators set locations of their own units only', async () => {
    expect((await p.kmob('PUT', '/api/v1/kmob/locations/BKD', [BKD_OFFICE], opDinkes)).status).toBe(403);
    const bad = await p.kmob('PUT', '/api/v1/kmob/locations/BKD', [{ ...BKD_OFFICE, latitude: 123 }], opBkd);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('locations.0.latitude');
    const set = await p.kmob('PUT', '/api/v1/kmob/locations/BKD', [BKD_OFFICE], opBkd);
    expect(set.status).toBe(200);
    expect(set.body).toEqual([{ ...BKD_OFFICE, wifiBssids: [] }]);
    expect((await p.kmob('PUT', '/api/v1/kmob/locations/DINKES', { locations: [GUBERNUR] }, ADMIN)).status).toBe(200);
    expect((await p.kmob('PUT', '/api/v1/kmob/locations/NOPE', [GUBERNUR], ADMIN)).status).toBe(404);
  });

  it('accepts a fix inside and on the edge of the geofence, refuses one outside with the distance', async () => {
    // Bidang Mutasi has no location of its own: it uses its OPD's office.
    const inside = await p.kmob('POST', '/api/v1/kmob/check-ins', fix(north(40)), analis);
    expect(inside.status).toBe(201);
    expect(inside.body).toMatchObject({
      nip: analis.nip,
      type: 'IN',
      source: 'MOBILE',
      unitCode: 'BKD-MUTASI',
      locationName: 'Kantor BKD Sulteng',
      distanceMeters: 40,
    });
    const edge = await p.kmob('POST', '/api/v1/kmob/check-ins', fix(north(90), { type: 'OUT', accuracyMeters: 10 }), analis);
    expect(edge.status).toBe(201);
    const outside = await p.kmob('POST', '/api/v1/kmob/check-ins', fix(north(90), { accuracyMeters: 11 }), analis2);
    expect(outside.status).toBe(422);
    expect(outside.body.info).toEqual({ reason: 'OUTSIDE_GEOFENCE', nearest: { name: 'Kantor BKD Sulteng', distanceMeters: 90 } });
    expect(outside.body.message).toContain('90 m dari Kantor BKD Sulteng');
    // The Governor's office is Dinas Kesehatan's location here, not BKD's.
    const elsewhere = await p.kmob('POST', '/api/v1/kmob/check-ins', fix(GUBERNUR), analis2);
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.info.nearest.distanceMeters).toBeGreaterThan(1300);
    const rows = (await p.db.query('SELECT nip, type, source FROM check_in ORDER BY at')) as unknown[];
    expect(rows).toEqual([
      { nip: analis.nip, type: 'IN', source: 'MOBILE' },
      { nip: analis.nip, type: 'OUT', source: 'MOBILE' },
    ]);
  });

  it('refuses a mocked location even at the office', async () => {
    const mocked = await p.kmob('POST', '/api/v1/kmob/check-ins', fix(BKD_OFFICE, { mocked: true }), analis2);
    expect(mocked.status).toBe(422);
    expect(mocked.body.info.reason).toBe('MOCKED_LOCATION');
  });

  it('names the field of bad input', async () => {
    const r = await p.kmob('POST', '/api/v1/kmob/check-ins', { ...fix(BKD_OFFICE), type: 'LUNCH' }, analis2);
    expect(r.status).toBe(400);
    expect(r.body.details).toEqual([{ field: 'type', message: 'harus IN (masuk) atau OUT (pulang)' }]);
    const photo = await p.kmob('POST', '/api/v1/kmob/check-ins', fix(BKD_OFFICE, { photo: Buffer.from('GIF89a-not-allowed').toString('base64') }), analis2);
    expect(photo.status).toBe(400);
    expect(photo.body.details[0]).toEqual({ field: 'photo', message: 'harus berupa berkas JPEG atau PNG' });
  });

  it('lets approved field duty check in anywhere', async () => {
    const request = await p.kmob(
      'POST',
      '/api/v1/kmob/requests',
      { type: 'DINAS_LUAR', startDate: today, endDate: today, reason: 'Verifikasi berkas di Kabupaten Donggala' },
      analis2,
    );
    expect(request.status).toBe(201);
    expect(request.body).toMatchObject({ status: 'PENDING', workingDays: 1 });
    const donggala = { latitude: -0.6764, longitude: 119.7423 };
    expect((await p.kmob('POST', '/api/v1/kmob/check-ins', fix(donggala), analis2)).status).toBe(422);
    expect((await p.kmob('POST', `/api/v1/kmob/requests/${request.body.id}/approve`, undefined, kabid)).status).toBe(200);
    const anywhere = await p.kmob('POST', '/api/v1/kmob/check-ins', fix(donggala), analis2);
    expect(anywhere.status).toBe(201);
    expect(anywhere.body).toMatchObject({ exemption: 'DINAS_LUAR', locationName: null });
  });

  it('stores the selfie for the atasan and operators, not for other employees', async () => {
    const r = await p.kmob('POST', '/api/v1/kmob/check-ins', fix(north(10), { type: 'OUT', photo: `data:image/png;base64,${PNG}` }), analis);
    expect(r.status).toBe(201);
    const url = `/api/v1/kmob/files/${r.body.photoId}`;
    for (const who of [analis, kabid, opBkd, ADMIN]) {
      const got = await p.kmob('GET', url, undefined, who);
      expect(got.status).toBe(200);
    }
    expect((await p.kmob('GET', url, undefined, perawat)).status).toBe(403);
    expect((await p.kmob('GET', url, undefined, opDinkes)).status).toBe(403);
    const { headers } = await p.kmob('GET', url, undefined, analis);
    expect({
      'content-type': headers['content-type'],
      'content-disposition': headers['content-disposition'],
      'x-content-type-options': headers['x-content-type-options'],
    }).toEqual({ 'content-type': 'image/png', 'content-disposition': `attachment; filename="${r.body.photoId}.png"`, 'x-content-type-options': 'nosniff' });
    const [file] = (await p.db.query('SELECT content_type, size_bytes FROM stored_file WHERE id = $1', [r.body.photoId])) as unknown[];
    expect(file).toEqual({ content_type: 'image/png', size_bytes: 72 });
    // The bytes live in the file storage; the database keeps the key and the content hash.
    const [where] = await p.db.query('SELECT bytes IS NULL AS outside, sha256 FROM stored_file WHERE id = $1', [r.body.photoId]);
    expect(where).toEqual({ outside: true, sha256: createHash('sha256').update(Buffer.from(PNG, 'base64')).digest('hex') });
  });

  it('gives an employee extra locations, and counts the office Wi-Fi as presence', async () => {
    const puskesmas = { name: 'Puskesmas Talise', latitude: -0.8765, longitude: 119.8839, radiusMeters: 150 };
    expect((await p.kmob('PUT', `/api/v1/kmob/employees/${perawat.nip}/locations`, [puskesmas], opBkd)).status).toBe(403);
    expect((await p.kmob('PUT', `/api/v1/kmob/employees/${perawat.nip}/locations`, [puskesmas], opDinkes)).status).toBe(200);
    const there = await p.kmob('POST', '/api/v1/kmob/check-ins', fix(puskesmas), perawat);
    expect(there.status).toBe(201);
    expect(there.body.locationName).toBe('Puskesmas Talise');

    const bssid = 'a4:2b:b0:11:22:33';
    expect((await p.kmob('PUT', '/api/v1/kmob/locations/BKD', [{ ...BKD_OFFICE, wifiBssids: [bssid] }], opBkd)).status).toBe(200);
    const weakGps = fix(north(60), { accuracyMeters: 80 }); // 60 m ± 80 m: GPS alone cannot tell
    expect((await p.kmob('POST', '/api/v1/kmob/check-ins', weakGps, kabid)).status).toBe(422);
    expect((await p.kmob('POST', '/api/v1/kmob/check-ins', { ...weakGps, wifiBssid: 'A4:2B:B0:11:22:33' }, kabid)).status).toBe(201);
    expect((await p.kmob('POST', '/api/v1/kmob/check-ins', { ...fix(north(60), { mocked: true }), wifiBssid: bssid }, kabid)).status).toBe(422);
    // The probe's case: 13,327 km away (New York) with the office BSSID.
    const farAway = await p.kmob(
      'POST',
      '/api/v1/kmob/check-ins',
      { ...fix({ latitude: 40.7128, longitude: -74.006 }, { type: 'OUT' }), wifiBssid: bssid },
      kabid,
    );
    expect(farAway.status).toBe(422);
    expect(farAway.body.info.reason).toBe('OUTSIDE_GEOFENCE');
    // 300 m away claiming ±400 m: Wi-Fi credits at most 100 m of it.
    expect((await p.kmob('POST', '/api/v1/kmob/check-ins', { ...fix(north(300), { type: 'OUT', accuracyMeters: 400 }), wifiBssid: bssid }, kabid)).status).toBe(
      422,
    );
  });

  it('shows office BSSIDs only to those who manage the locations', async () => {
    const withBssids = (await p.kmob('GET', '/api/v1/kmob/locations/BKD', undefined, opBkd)).body;
    expect(withBssids[0].wifiBssids).toEqual(['a4:2b:b0:11:22:33']);
    for (const who of [analis, kabid, opDinkes]) {
      const seen = await p.kmob('GET', '/api/v1/kmob/locations/BKD', undefined, who);
      expect(seen.status).toBe(200);
      expect(seen.body).toEqual([{ name: 'Kantor BKD Sulteng', latitude: -0.8979, longitude: 119.8594, radiusMeters: 100 }]);
    }
  });

  it('lets nobody move their own geofence, whatever their role', async () => {
    const home = [{ name: 'Rumah', latitude: -0.9, longitude: 119.87, radiusMeters: 5000 }];
    const own = await p.kmob('PUT', `/api/v1/kmob/employees/${opBkd.nip}/locations`, home, opBkd);
    expect(own.status).toBe(403);
    const adminOwn = await p.kmob('PUT', `/api/v1/kmob/employees/${ADMIN.nip}/locations`, home, ADMIN);
    expect(adminOwn.status).toBe(403);
    expect(await p.db.query('SELECT count(*)::int AS n FROM location WHERE nip = ANY($1)', [[opBkd.nip, ADMIN.nip]])).toEqual([{ n: 0 }]);
  });

  it("never lets one check-in's failure fail the others written in the same batch with it", async () => {
    // A row the database refuses (a trigger standing in for any row-level failure). Firing after the
    // whole statement, it also counts the check-ins that statement wrote beside the refused one, and
    // keeps the largest count in a sequence, which a rolled-back statement does not undo: the proof that
    // the four went through the batch statement before each was written again on its own.
    await p.db.query('CREATE SEQUENCE poison_batch_size MINVALUE 0 START 0');
    await p.db.query(`CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE together int;
      BEGIN
        IF NEW.device_id = 'poison' THEN
          SELECT count(*) INTO together FROM check_in WHERE xmin::text::bigint = txid_current() % 4294967296;
          IF together > (SELECT last_value FROM poison_batch_size) THEN PERFORM setval('poison_batch_size', together); END IF;
          RAISE EXCEPTION 'poisoned row';
        END IF;
        RETURN NULL;
      END $$`);
    await p.db.query('CREATE TRIGGER refuse_poison AFTER INSERT ON check_in FOR EACH ROW EXECUTE FUNCTION refuse_poison()');
    const largestBatch = async () => (await p.db.query('SELECT last_value::int AS n FROM poison_batch_size'))[0].n as number;
    try {
      // Sent together, they share one batch once their connections are open (opening them spreads the
      // first round out); each round proves the fallback all the same, and rounds go on until one batch held all four.
      for (let round = 0; round < 10 && (await largestBatch()) < 4; round++) {
        const sent = [analis, analis2, kabid, perawat].map((who, i) =>
          p.kmob(
            'POST',
            '/api/v1/kmob/check-ins',
            fix(who === perawat ? { latitude: -0.8765, longitude: 119.8839 } : north(5 + i), {
              type: 'OUT',
              deviceId: who === analis2 ? 'poison' : `batch-${round}-${i}`,
            }),
            who,
          ),
        );
        const answers = await Promise.all(sent);
        expect(answers.map((a) => a.status)).toEqual([201, 500, 201, 201]);
        const stored = (await p.db.query(`SELECT nip FROM check_in WHERE device_id LIKE $1 ORDER BY nip`, [`batch-${round}-%`])) as { nip: string }[];
        expect(stored.map((r) => r.nip).sort()).toEqual([analis.nip, kabid.nip, perawat.nip].sort());
      }
      expect(await largestBatch()).toBe(4);
    } finally {
      await p.db.query('DROP TRIGGER refuse_poison ON check_in');
      await p.db.query('DROP FUNCTION refuse_poison()');
      await p.db.query('DROP SEQUENCE poison_batch_size');
    }
    const nul = await p.kmob('POST', '/api/v1/kmob/check-ins', fix(north(5), { type: 'OUT', deviceId: 'android\u0000x' }), analis);
    expect(nul.status).toBe(400);
    expect(nul.body.details).toEqual([{ field: 'deviceId', message: 'tidak boleh memuat karakter kendali' }]);
  });

  it('publishes each check-in on kmob.attendance.v1', async () => {
    const messages = await p.messages('kmob.attendance.v1', 3);
    const checkIns = messages.filter((m) => m.type === 'kmob.attendance.checked-in');
    expect(checkIns.length).toBeGreaterThanOrEqual(3);
    // Records of one NIP keep their order; different NIPs may sit on different partitions.
    expect(checkIns.find((m) => m.key === analis.nip)).toMatchObject({
      key: analis.nip,
      data: { nip: analis.nip, type: 'IN', source: 'MOBILE', locationName: 'Kantor BKD Sulteng' },
    });
  });

  it('counts the live recap per OPD and for an operator’s unit', async () => {
    const all = await p.kmob('GET', `/api/v1/kmob/recap?date=${today}`, undefined, ADMIN);
    expect(all.status).toBe(200);
    expect(all.body.total.employees).toBe(5);
    expect(all.body.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['BKD', 'DINKES']);
    const bkd = all.body.units[0];
    expect(bkd.name).toBe('Badan Kepegawaian Daerah');
    expect(bkd.employees).toBe(3);
    const sum = (u: Record<string, number>) => u.present + u.late + u.onLeave + u.fieldDuty + u.notYetIn + u.off;
    expect(sum(bkd)).toBe(3);
    expect(bkd.present + bkd.late).toBe(2); // the analyst at the office, the head of division on its Wi-Fi
    expect(bkd.fieldDuty).toBe(1);
    expect(bkd.notYetIn).toBe(0); // the head of division came in on the office Wi-Fi
    expect(all.body.units[1]).toMatchObject({ unitCode: 'DINKES', employees: 2, notYetIn: 1 }); // the nurse is at the Puskesmas
    expect(all.body.units[1].present + all.body.units[1].late).toBe(1);
    const mine = await p.kmob('GET', '/api/v1/kmob/recap', undefined, opBkd);
    expect(mine.status).toBe(200);
    expect(mine.body.unitCode).toBe('BKD');
    expect(mine.body.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['BKD-MUTASI']);
    expect((await p.kmob('GET', '/api/v1/kmob/recap?unitCode=BKD', undefined, opDinkes)).status).toBe(403);
    expect((await p.kmob('GET', '/api/v1/kmob/recap', undefined, analis)).status).toBe(403);
  });

  it("lets an operator import machine logs of their unit's employees only, and nobody their own", async () => {
    const kadinkesOperator = person(STAFF.kadinkes.nip, ['PEGAWAI', 'ATASAN', 'OPERATOR_OPD'], 'DINKES', 'Kadinkes, operator Dinkes');
    const csv = [
      'NIP,WAKTU,JENIS',
      `${perawat.nip},2026-06-02 07:20:00,MASUK`,
      `${analis.nip},2026-06-02 07:21:00,MASUK`, // Bidang Mutasi of BKD: not the operator's
      `${kadinkesOperator.nip},2026-06-02 07:22:00,MASUK`, // the operator's own
    ].join('\n');
    expect((await p.kmob('POST', '/api/v1/kmob/check-ins/import', csv, perawat, 'text/csv')).status).toBe(403);
    const started = await p.kmob('POST', '/api/v1/kmob/check-ins/import', csv, kadinkesOperator, 'text/csv');
    expect(started.status).toBe(202);
    let job = started.body;
    await waitFor(async () => {
      job = (await p.kmob('GET', `/api/v1/kmob/jobs/${started.body.id}`, undefined, kadinkesOperator)).body;
      return job.status === 'DONE' || job.status === 'FAILED';
    }, 'the import job');
    expect(job).toMatchObject({ status: 'DONE', progress: { total: 3, imported: 1, failed: 2 } });
    expect(job.errors).toEqual([
      { line: 3, key: analis.nip, problems: [{ field: 'NIP', message: 'di luar unit kerja yang Anda kelola (DINKES)' }] },
      { line: 4, key: kadinkesOperator.nip, problems: [{ field: 'NIP', message: 'kehadiran Anda sendiri diimpor oleh operator atau admin lain' }] },
    ]);
    const stored = await p.db.query(`SELECT nip FROM check_in WHERE work_date = '2026-06-02' AND source = 'IMPORT'`);
    expect(stored).toEqual([{ nip: perawat.nip }]);
  });
});
