import { randomUUID } from 'node:crypto';
import { waitFor } from '@app/testing';
import { ADMIN, everyDayAtTheOffice, fix, north, person, seedSulteng, startPlatform, STAFF, wita, type Platform } from './kmob-fixture';

const analis = person(STAFF.analis.nip, ['PEGAWAI'], 'BKD-MUTASI', 'Analis');
const analis2 = person(STAFF.analis2.nip, ['PEGAWAI'], 'BKD-MUTASI', 'Analis 2');
const kabid = person(STAFF.kabid.nip, ['PEGAWAI', 'ATASAN'], 'BKD-MUTASI', 'Kabid');
const GUBERNUR = { latitude: -0.8917, longitude: 119.8707 };
const HOUR = 3_600_000;

/** An instant `ms` ago, to the second (as a phone writes it). */
const ago = (ms: number) => new Date(Math.floor((Date.now() - ms) / 1000) * 1000);

describe('K-Mob offline check-ins: the phone’s time within the offline window, and a check-in stored once', () => {
  let p: Platform;
  const checkIn = (who: typeof analis, body: Record<string, unknown>) => p.kmob('POST', '/api/v1/kmob/check-ins', body, who);
  const stored = async (nip: string) => ((await p.db.query('SELECT count(*)::int AS n FROM check_in WHERE nip = $1', [nip])) as { n: number }[])[0].n;

  beforeAll(async () => {
    p = await startPlatform();
    await seedSulteng(p);
    await everyDayAtTheOffice(p);
  }, 60_000);

  afterAll(() => p?.close());

  it("counts a check-in made without signal at the phone's time, in its day, its month and the check-in list", async () => {
    const captured = ago(20 * HOUR);
    const r = await checkIn(analis, fix(north(20), { capturedAt: wita.iso(captured) }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      at: captured.toISOString(),
      workDate: wita.date(captured),
      localTime: wita.time(captured),
      deviceTime: true,
      capturedAt: captured.toISOString(),
      locationName: 'Kantor BKD Sulteng',
      distanceMeters: 20,
    });
    expect(Date.parse(r.body.receivedAt) - captured.getTime()).toBeGreaterThanOrEqual(20 * HOUR);
    // The day is resolved at the counted time, not when the check-in arrived.
    const days = await p.kmob('GET', `/api/v1/kmob/days?month=${wita.date(captured).slice(0, 7)}`, undefined, analis);
    expect(days.body.days.find((d: { date: string }) => d.date === wita.date(captured))).toMatchObject({ checkIn: wita.time(captured) });
    const list = await p.kmob('GET', `/api/v1/kmob/check-ins?month=${wita.date(captured).slice(0, 7)}`, undefined, analis);
    expect(list.body.find((c: { id: string }) => c.id === r.body.id)).toMatchObject({
      at: captured.toISOString(),
      deviceTime: true,
      receivedAt: r.body.receivedAt,
      localTime: wita.time(captured),
    });
    const [row] = await p.db.query(
      'SELECT device_time, captured_at = at AS counted_at_capture, received_at > at AS received_later FROM check_in WHERE id = $1',
      [r.body.id],
    );
    expect(row).toEqual({ device_time: true, counted_at_capture: true, received_later: true });
  });

  it('refuses a phone time outside the window or in the future with 422 naming capturedAt, and stores nothing', async () => {
    const before = await stored(analis2.nip);
    const late = await checkIn(analis2, fix(north(10), { capturedAt: wita.iso(ago(25 * HOUR)) }));
    expect(late.status).toBe(422);
    expect(late.body.details).toEqual([{ field: 'capturedAt', message: expect.stringContaining('lebih dari 24 jam') }]);
    expect(late.body.info).toMatchObject({ reason: 'OFFLINE_WINDOW', rule: 'offline-check-in', maxDelayMinutes: 1440 });
    const future = await checkIn(analis2, fix(north(10), { capturedAt: wita.iso(ago(-10 * 60_000)) }));
    expect(future.status).toBe(422);
    expect(future.body.details[0]).toEqual({ field: 'capturedAt', message: expect.stringContaining('masa depan') });
    for (const capturedAt of ['2026-02-30T07:00:00+08:00', '2026-11-30T07:00:00', '2026-11-30T07:00:00+15:00', '2026-11-30T24:10:00+08:00', 'kemarin pagi']) {
      const bad = await checkIn(analis2, fix(north(10), { capturedAt }));
      expect({ capturedAt, status: bad.status, field: bad.body.details?.[0]?.field }).toEqual({ capturedAt, status: 400, field: 'capturedAt' });
    }
    // The geofence applies to where the phone was when it made the check-in.
    const away = await checkIn(analis2, fix(GUBERNUR, { capturedAt: wita.iso(ago(HOUR)) }));
    expect(away.status).toBe(422);
    expect(away.body.info.reason).toBe('OUTSIDE_GEOFENCE');
    expect(await stored(analis2.nip)).toBe(before);
  });

  it('counts a phone clock a little ahead at the server’s time', async () => {
    const r = await checkIn(kabid, fix(north(5), { capturedAt: wita.iso(new Date(Date.now() + 60_000)) }));
    expect(r.status).toBe(201);
    expect(r.body.at).toBe(r.body.receivedAt);
    expect(r.body.deviceTime).toBe(true);
  });

  it('takes the offline window from the rules: an admin sets a shorter one from today, and removing it restores the seeded one', async () => {
    const today = wita.date(new Date());
    const shorter = { source: 'Keputusan uji: presensi luring paling lama 1 jam', value: { maxDelayMinutes: 60, maxClockAheadSeconds: 120 } };
    expect((await p.kmob('PUT', `/api/v1/kmob/rules/offline-check-in/${today}`, shorter, analis)).status).toBe(403);
    const wrong = await p.kmob('PUT', `/api/v1/kmob/rules/offline-check-in/${today}`, { ...shorter, value: { maxDelayMinutes: 0 } }, ADMIN);
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.map((d: { field: string }) => d.field)).toEqual(['value.maxDelayMinutes', 'value.maxClockAheadSeconds']);
    const set = await p.kmob('PUT', `/api/v1/kmob/rules/offline-check-in/${today}`, shorter, ADMIN);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ kind: 'offline-check-in', effectiveFrom: today, value: shorter.value, updatedBy: ADMIN.nip });
    const twoHours = fix(north(10), { type: 'OUT', capturedAt: wita.iso(ago(2 * HOUR)) });
    const refused = await checkIn(analis2, twoHours);
    expect(refused.status).toBe(422);
    expect(refused.body.details[0].message).toContain('lebih dari 1 jam');
    expect((await p.kmob('DELETE', `/api/v1/kmob/rules/offline-check-in/${today}`, undefined, ADMIN)).status).toBe(204);
    expect((await checkIn(analis2, twoHours)).status).toBe(201);
    const seeded = await p.kmob('GET', '/api/v1/kmob/rules?kind=offline-check-in', undefined, analis);
    expect(seeded.body).toEqual([expect.objectContaining({ effectiveFrom: '2026-01-01', value: { maxDelayMinutes: 1440, maxClockAheadSeconds: 120 } })]);
  });

  it('stores a check-in the phone names (clientId) once: sent again, also at the same moment, it answers the stored one with 200', async () => {
    const clientId = randomUUID();
    const first = await checkIn(analis, fix(north(15), { type: 'OUT', clientId }));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ clientId, deviceTime: false, capturedAt: null });
    const again = await checkIn(analis, fix(north(15), { type: 'OUT', clientId: clientId.toUpperCase() }));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // Retried from a queue after the window passed, the stored check-in is still the answer.
    const offlineId = randomUUID();
    const queued = fix(north(15), { capturedAt: wita.iso(ago(HOUR)), clientId: offlineId });
    const offline = await checkIn(kabid, queued);
    expect(offline.status).toBe(201);
    const retried = await checkIn(kabid, { ...queued, capturedAt: wita.iso(ago(30 * HOUR)) });
    expect(retried.status).toBe(200);
    expect(retried.body.id).toBe(offline.body.id);

    const twinId = randomUUID();
    const twins = await Promise.all([1, 2].map(() => checkIn(analis2, fix(north(25), { type: 'OUT', clientId: twinId }))));
    expect(twins.map((t) => t.status).sort()).toEqual([200, 201]);
    expect(twins[0].body.id).toBe(twins[1].body.id);
    expect(await p.db.query('SELECT count(*)::int AS n FROM check_in WHERE client_id = ANY($1)', [[clientId, offlineId, twinId]])).toEqual([{ n: 3 }]);
    // Another employee may use the same id for their own check-in.
    expect((await checkIn(kabid, fix(north(15), { type: 'OUT', clientId }))).status).toBe(201);
  });

  it('corrects a closed month when an offline check-in lands in it, with the check-in and its event in one transaction', async () => {
    // The last minute of last month (WITA), under a month-long window an admin sets from today.
    const monthStart = Date.parse(`${wita.date(new Date()).slice(0, 7)}-01T00:00:00+08:00`);
    const captured = new Date(monthStart - 60_000);
    const month = wita.date(captured).slice(0, 7);
    const started = await p.kmob('POST', `/api/v1/kmob/months/${month}/close`, undefined, ADMIN);
    expect(started.status).toBe(202);
    await waitFor(async () => (await p.kmob('GET', `/api/v1/kmob/months/${month}`, undefined, ADMIN)).body.closed === true, `${month} closed`);
    const before = await p.kmob('GET', `/api/v1/kmob/months/${month}/summaries/${analis2.nip}`, undefined, ADMIN);
    expect(before.body.version).toBe(1);
    const today = wita.date(new Date());
    const monthLong = { source: 'Keputusan uji: presensi luring sebulan', value: { maxDelayMinutes: 44_640, maxClockAheadSeconds: 120 } };
    expect((await p.kmob('PUT', `/api/v1/kmob/rules/offline-check-in/${today}`, monthLong, ADMIN)).status).toBe(200);
    try {
      const r = await checkIn(analis2, fix(north(10), { type: 'OUT', capturedAt: wita.iso(captured) }));
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ workDate: wita.date(captured), localTime: '23:59', deviceTime: true });
      const after = await p.kmob('GET', `/api/v1/kmob/months/${month}/summaries/${analis2.nip}`, undefined, ADMIN);
      expect(after.body.version).toBe(2);
      await waitFor(
        async () => (await p.messages('kmob.discipline.v1', 1)).some((m) => m.type === 'kmob.discipline.month-corrected' && m.key === analis2.nip),
        'the correction of the closed month',
      );
    } finally {
      await p.kmob('DELETE', `/api/v1/kmob/rules/offline-check-in/${today}`, undefined, ADMIN);
    }
  });

  it('publishes each stored check-in once on kmob.attendance.v1, with the device time and when it was received', async () => {
    const rows = (await p.db.query(`SELECT id::text, device_time FROM check_in WHERE source = 'MOBILE'`)) as { id: string; device_time: boolean }[];
    const messages = (await p.messages('kmob.attendance.v1', rows.length)).filter((m) => m.type === 'kmob.attendance.checked-in');
    expect(messages.map((m) => m.data.id).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const row of rows) {
      const event = messages.find((m) => m.data.id === row.id)!;
      expect({ deviceTime: event.data.deviceTime, receivedAt: typeof event.data.receivedAt }).toEqual({ deviceTime: row.device_time, receivedAt: 'string' });
    }
  });
});
