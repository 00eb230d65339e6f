import { waitFor } from '@app/testing';
import { resolveDay } from '../src/domain/day-status';
import type { DisciplineRules } from '../src/domain/discipline-rules';
import holidaySeed from '../src/rules/seed/holidays-2026.json';
import seed from '../src/rules/seed/discipline-rules.json';
import { ADMIN, BKD_OFFICE, everyDayAtTheOffice, fix, north, person, seedSulteng, startPlatform, STAFF, wita, type Platform } from './kmob-fixture';

const analis = person(STAFF.analis.nip, ['PEGAWAI'], 'BKD-MUTASI', 'Analis');
const analis2 = person(STAFF.analis2.nip, ['PEGAWAI'], 'BKD-MUTASI', 'Analis 2');
const kabid = person(STAFF.kabid.nip, ['PEGAWAI', 'ATASAN'], 'BKD-MUTASI', 'Kabid');
const kadinkes = person(STAFF.kadinkes.nip, ['PEGAWAI', 'ATASAN'], 'DINKES', 'Kadinkes');
const perawat = person(STAFF.perawat.nip, ['PEGAWAI'], 'DINKES', 'Perawat');
const opBkd = person('198001012006041099', ['PEGAWAI', 'OPERATOR_OPD'], 'BKD', 'Operator BKD');
const opDinkes = person('198001012006041098', ['PEGAWAI', 'OPERATOR_OPD'], 'DINKES', 'Operator Dinkes');
const rules = seed[0].value as DisciplineRules;

/** What the seeded bands make of a day so far (the day still open). */
const expectedStatus = (checkIn: string | null, checkOut: string | null) =>
  resolveDay(
    { schedule: { start: '07:30', end: '16:00' }, holiday: false, checkIn: checkIn ?? undefined, checkOut: checkOut ?? undefined, dayOpen: true },
    rules,
  ).status;

/** A moment earlier today (WITA), `ms` ago when today is that old, to the second. */
const earlierToday = (ms: number) => {
  const startOfToday = Date.parse(`${wita.date(new Date())}T00:00:01+08:00`);
  return new Date(Math.floor(Math.max(Date.now() - ms, startOfToday) / 1000) * 1000);
};

describe("K-Mob today: one's own day so far, and a team's", () => {
  let p: Platform;
  let today: string;
  const get = (path: string, who = analis) => p.kmob('GET', `/api/v1/kmob/attendance/${path}`, undefined, who);
  const names = (r: { body: { name: string }[] }) => r.body.map((i) => i.name);

  beforeAll(async () => {
    p = await startPlatform();
    await seedSulteng(p);
    await everyDayAtTheOffice(p);
    today = wita.date(new Date());
  }, 60_000);

  afterAll(() => p?.close());

  it('answers an empty working day before any check-in', async () => {
    const r = await get('today');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ nip: analis.nip, date: today, workingDay: true, holiday: null, checkIn: null, checkOut: null, status: null, request: null });
  });

  it('shows the first check-in and the last check-out with where, when received and whether at the phone’s time, and the status they make', async () => {
    const inAt = await p.kmob('POST', '/api/v1/kmob/check-ins', fix(north(20)), kabid);
    expect(inAt.status).toBe(201);
    const own = await get('today', kabid);
    expect(own.body).toMatchObject({
      nip: kabid.nip,
      workingDay: true,
      checkIn: {
        at: inAt.body.at,
        localTime: inAt.body.localTime,
        receivedAt: inAt.body.at,
        deviceTime: false,
        source: 'MOBILE',
        locationName: BKD_OFFICE.name,
      },
      checkOut: null,
      status: expectedStatus(inAt.body.localTime, null),
    });
    expect(own.body.checkIn.distanceMeters).toBe(20);
    const captured = earlierToday(60_000);
    const out = await p.kmob('POST', '/api/v1/kmob/check-ins', fix(north(30), { type: 'OUT', capturedAt: wita.iso(captured) }), kabid);
    expect(out.status).toBe(201);
    const after = await get('today', kabid);
    expect(after.body.checkOut).toMatchObject({ at: captured.toISOString(), localTime: wita.time(captured), deviceTime: true, distanceMeters: 30 });
    expect(after.body.checkOut.receivedAt > after.body.checkOut.at).toBe(true);
    expect(after.body.status).toBe(expectedStatus(inAt.body.localTime, wita.time(captured)));
  });

  it('shows a request covering today, pending and then approved (field duty: DL)', async () => {
    const filed = await p.kmob(
      'POST',
      '/api/v1/kmob/requests',
      { type: 'DINAS_LUAR', startDate: today, endDate: today, reason: 'Rapat di Kabupaten Sigi' },
      analis2,
    );
    expect(filed.status).toBe(201);
    const pending = await get('today', analis2);
    expect(pending.body).toMatchObject({ status: null, request: { id: filed.body.id, type: 'DINAS_LUAR', status: 'PENDING' } });
    expect((await p.kmob('POST', `/api/v1/kmob/requests/${filed.body.id}/approve`, undefined, kabid)).status).toBe(200);
    const approved = await get('today', analis2);
    expect(approved.body).toMatchObject({ workingDay: true, status: 'DL', request: { id: filed.body.id, status: 'APPROVED' } });
  });

  it('says a holiday is no working day (L), and announces setting and removing it on kmob.calendar.v1', async () => {
    expect((await p.kmob('PUT', `/api/v1/kmob/holidays/${today}`, { name: 'Hari libur uji', kind: 'LIBUR_DAERAH' }, ADMIN)).status).toBe(200);
    try {
      const r = await get('today', perawat);
      expect(r.body).toMatchObject({ workingDay: false, holiday: 'Hari libur uji', status: 'L' });
    } finally {
      expect((await p.kmob('DELETE', `/api/v1/kmob/holidays/${today}`, undefined, ADMIN)).status).toBe(204);
    }
    const announced = async () => (await p.messages('kmob.calendar.v1', 0)).filter((e) => e.key === today);
    await waitFor(async () => (await announced()).some((e) => e.type === 'kmob.calendar.holiday-removed'), 'the removal announced');
    expect((await announced()).slice(-2)).toEqual([
      {
        type: 'kmob.calendar.holiday-set',
        key: today,
        data: { date: today, kind: 'LIBUR_DAERAH', name: 'Hari libur uji', source: `Ditetapkan oleh admin BKD ${ADMIN.nip}` },
      },
      { type: 'kmob.calendar.holiday-removed', key: today, data: { date: today } },
    ]);
    // A date that was no holiday announces nothing when deleted.
    expect((await p.kmob('DELETE', `/api/v1/kmob/holidays/${today}`, undefined, ADMIN)).status).toBe(404);
  });

  it('announces the holidays it already had once, so a consumer starts from its calendar', async () => {
    const seeded = (await p.messages('kmob.calendar.v1', holidaySeed.days.length)).filter((e) => e.data.source === holidaySeed.source);
    // Each date is its own key, so the dates arrive in no particular order across partitions.
    seeded.sort((a, b) => a.key.localeCompare(b.key));
    expect(seeded.map((e) => ({ type: e.type, key: e.key, data: e.data }))).toEqual(
      holidaySeed.days.map((d) => ({ type: 'kmob.calendar.holiday-set', key: d.date, data: { ...d, source: holidaySeed.source } })),
    );
  });

  it("reads someone else's day only within the scope rules", async () => {
    expect((await get(`today?nip=${analis.nip}`, kabid)).body).toMatchObject({ nip: analis.nip, date: today });
    expect((await get(`today?nip=${analis.nip}`, opBkd)).status).toBe(200);
    expect((await get(`today?nip=${analis.nip}`, ADMIN)).status).toBe(200);
    expect((await get(`today?nip=${kabid.nip}`, analis)).status).toBe(403);
    expect((await get(`today?nip=${analis.nip}`, opDinkes)).status).toBe(403);
    expect((await get('today?nip=199901012020121001', ADMIN)).status).toBe(404);
    const bad = await get('today?nip=12345', ADMIN);
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'nip', message: 'harus 18 digit angka' }]);
    const stranger = await get('today', person('199901012020121001', ['PEGAWAI'], 'BKD', 'Belum di K-Mob'));
    expect(stranger.status).toBe(404);
    expect(stranger.body.message).toContain('belum tersedia di K-Mob');
  });

  it("lists an atasan's direct subordinates by name with jabatan and today's fields; empty for anyone else", async () => {
    await waitFor(async () => (await p.db.query('SELECT count(*)::int AS n FROM position'))[0].n === 7, 'positions in K-Mob');
    const team = await get('team', kabid);
    expect(team.status).toBe(200);
    expect(names(team)).toEqual(['Pegawai analis', 'Pegawai analis2']);
    expect(team.body[0]).toMatchObject({ nip: analis.nip, unitCode: 'BKD-MUTASI', positionCode: 'BKD-ANALIS', positionName: 'Analis Kepegawaian' });
    expect(team.body[1]).toMatchObject({
      nip: analis2.nip,
      date: today,
      workingDay: true,
      status: 'DL',
      request: { type: 'DINAS_LUAR', status: 'APPROVED' },
    });
    expect(Object.keys(team.body[0]).sort()).toEqual(
      ['checkIn', 'checkOut', 'date', 'holiday', 'name', 'nip', 'positionCode', 'positionName', 'request', 'status', 'unitCode', 'workingDay'].sort(),
    );
    expect(names(await get('team', kadinkes))).toEqual(['Pegawai perawat']);
    expect((await get('team', analis)).body).toEqual([]);
    // Holding the position without the ATASAN role reads nobody (the scope rules' atasan has the role).
    expect((await get('team', person(kabid.nip, ['PEGAWAI'], 'BKD-MUTASI'))).body).toEqual([]);
  });

  it("lists a unit's people for its operators and BKD, and refuses anyone else", async () => {
    const bkd = await get('team?unitCode=BKD', opBkd);
    expect(bkd.status).toBe(200);
    expect(names(bkd)).toEqual(['Pegawai analis', 'Pegawai analis2', 'Pegawai kabid']);
    expect(bkd.body[2].checkIn).toMatchObject({ locationName: BKD_OFFICE.name });
    expect(names(await get('team?unitCode=DINKES', ADMIN))).toEqual(['Pegawai kadinkes', 'Pegawai perawat']);
    expect(names(await get('team?unitCode=BKD-MUTASI', opBkd))).toEqual(['Pegawai analis', 'Pegawai analis2', 'Pegawai kabid']);
    expect((await get('team?unitCode=BKD', opDinkes)).status).toBe(403);
    expect((await get('team?unitCode=BKD-MUTASI', kabid)).status).toBe(403);
    expect((await get('team?unitCode=NOPE', ADMIN)).status).toBe(404);
    const bad = await get('team?unitCode=bkd-kecil', ADMIN);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('unitCode');
  });
});
