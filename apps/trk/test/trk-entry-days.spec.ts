import { ADMIN, analis, analis2, freeText, perawat, seedSulteng, startPlatform, TODAY, wita, type Platform } from './trk-fixture';

/** TODAY is a Wednesday: the Monday and Tuesday before it are working days, the weekend before them is not. */
const MONDAY = '2026-06-08';
const TUESDAY = '2026-06-09';
const SATURDAY = '2026-06-06';
const CUTOFF_TODAY = '2026-06-10T08:00:00.000Z';
const WINDOW_CLOSES = wita('2026-06-12', '16:00');

describe('TRK entry days: which dates the caller may enter now', () => {
  let p: Platform;
  const entryDays = (who = analis) => p.trk('GET', '/activities/entry-days', undefined, who);

  beforeAll(async () => {
    p = await startPlatform();
    await seedSulteng(p);
  }, 90_000);

  afterAll(() => p?.close());

  it("offers today before the cut-off, closing at 16:00 WITA, with the day's working minutes and what is entered so far", async () => {
    p.clock.set(wita(TODAY, '09:00'));
    const before = await entryDays();
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      today: TODAY,
      now: '2026-06-10T01:00:00.000Z',
      todayRefusal: null,
      days: [{ date: TODAY, closesAt: CUTOFF_TODAY, viaWindow: false, workingMinutes: 450, minutesSoFar: 0 }],
    });
    expect((await p.trk('POST', '/activities', freeText(TODAY, 90), analis)).status).toBe(201);
    expect((await entryDays()).body.days[0].minutesSoFar).toBe(90);
  });

  it('offers nothing at the cut-off and says why today is closed', async () => {
    p.clock.set(wita(TODAY, '16:00'));
    expect((await entryDays()).body).toMatchObject({ todayRefusal: 'batas pengisian 16:00 WITA telah lewat', days: [] });
  });

  it("offers the past working days of an open window for the employee's unit, newest first, until it closes; never its days off", async () => {
    p.clock.set(wita(TODAY, '16:30'));
    const window = { unitCode: 'BKD', from: SATURDAY, to: TUESDAY, closesAt: WINDOW_CLOSES, reason: 'Gangguan jaringan di Palu 6–9 Juni 2026' };
    expect((await p.trk('POST', '/backdating-windows', window)).status).toBe(201);

    const closes = new Date(WINDOW_CLOSES).toISOString();
    const mutasi = await entryDays(analis2);
    expect(mutasi.body).toMatchObject({
      todayRefusal: 'batas pengisian 16:00 WITA telah lewat',
      days: [
        { date: TUESDAY, closesAt: closes, viaWindow: true, workingMinutes: 450, minutesSoFar: 0 },
        { date: MONDAY, closesAt: closes, viaWindow: true, workingMinutes: 450, minutesSoFar: 0 },
      ],
    });
    // Every date offered is one the entry itself accepts.
    for (const { date } of mutasi.body.days) expect((await p.trk('POST', '/activities', freeText(date, 30), analis2)).status).toBe(201);
    expect((await entryDays(analis2)).body.days.map((d: { minutesSoFar: number }) => d.minutesSoFar)).toEqual([30, 30]);

    // Dinas Kesehatan is not under BKD.
    expect((await entryDays(perawat)).body.days).toEqual([]);

    p.clock.set(WINDOW_CLOSES);
    expect((await entryDays(analis2)).body.days).toEqual([]);
  });

  it("keeps today open past the cut-off when a window covers it, until the window's close", async () => {
    p.clock.set(wita(TODAY, '10:00'));
    const window = { unitCode: 'DINKES', from: TODAY, to: TODAY, closesAt: WINDOW_CLOSES, reason: 'Rapat kerja sepanjang hari di luar kantor' };
    expect((await p.trk('POST', '/backdating-windows', window)).status).toBe(201);
    const closes = new Date(WINDOW_CLOSES).toISOString();
    expect((await entryDays(perawat)).body.days).toEqual([{ date: TODAY, closesAt: closes, viaWindow: false, workingMinutes: 450, minutesSoFar: 0 }]);
    p.clock.set(wita(TODAY, '17:00'));
    expect((await entryDays(perawat)).body).toMatchObject({ todayRefusal: null, days: [{ date: TODAY, closesAt: closes, viaWindow: true }] });
  });

  it('offers nothing to someone who is not an employee in service', async () => {
    p.clock.set(wita(TODAY, '09:00'));
    expect((await entryDays(ADMIN)).body).toEqual({
      today: TODAY,
      now: '2026-06-10T01:00:00.000Z',
      todayRefusal: `Anda tidak tercatat dalam masa dinas pada ${TODAY}`,
      days: [],
    });
  });
});
