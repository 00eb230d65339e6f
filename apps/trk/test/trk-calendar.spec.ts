import { CalendarEvents } from '@app/contracts';
import { waitFor } from '@app/testing';
import { analis, freeText, seedSulteng, startPlatform, TODAY, wita, type Platform } from './trk-fixture';

/** June 2026 has 20 working days (1 and 16 June are holidays); TODAY is a working Wednesday in it. */
const REGIONAL = { date: TODAY, kind: 'LIBUR_DAERAH', name: 'Hari libur daerah (uji)', source: 'Keputusan Gubernur Sulteng (uji)' } as const;
const NOT_A_WORKING_DAY = 'hari ini bukan hari kerja; kegiatan hanya dapat diisi pada hari kerja atau dalam masa pengisian susulan';

describe("TRK's holidays follow K-Mob's calendar (kmob.calendar.v1)", () => {
  let p: Platform;

  const workingDays = async () => {
    const r = await p.trk('GET', `/scores?nip=${analis.nip}&month=2026-06`);
    expect(r.status).toBe(200);
    return r.body.norm.workingDays as number;
  };
  const applied = (count: number) =>
    waitFor(async () => (await p.db.query(`SELECT 1 FROM inbox_event WHERE consumer = 'trk-calendar'`)).length === count, `${count} calendar events applied`);
  const holidayRows = async (date: string) => ((await p.db.query('SELECT count(*)::int AS n FROM holiday WHERE date = $1', [date])) as { n: number }[])[0].n;

  beforeAll(async () => {
    p = await startPlatform();
    await seedSulteng(p);
    p.clock.set(wita(TODAY, '09:00'));
  }, 120_000);

  afterAll(() => p?.close());

  it('refuses entries on a working day K-Mob makes a holiday, and lowers the live norm by it', async () => {
    expect(await workingDays()).toBe(20);
    await p.publish(CalendarEvents.holidaySet, TODAY, REGIONAL);
    await applied(1);

    const refused = await p.trk('POST', '/activities', freeText(TODAY, 30), analis);
    expect(refused.status).toBe(422);
    expect(refused.body.details).toEqual([{ field: 'date', message: NOT_A_WORKING_DAY }]);
    expect(await workingDays()).toBe(19);
    expect((await p.trk('GET', '/holidays?year=2026', undefined, analis)).body).toContainEqual(REGIONAL);
  });

  it('makes the day a working day again when K-Mob removes the holiday', async () => {
    await p.publish(CalendarEvents.holidayRemoved, TODAY, { date: TODAY });
    await applied(2);
    expect(await holidayRows(TODAY)).toBe(0);
    expect((await p.trk('POST', '/activities', freeText(TODAY, 30), analis)).status).toBe(201);
    expect(await workingDays()).toBe(20);
  });

  it('counts a holiday once, whether the event is redelivered or the same holiday is announced again', async () => {
    const thursday = { ...REGIONAL, date: '2026-06-11' };
    const id = await p.publish(CalendarEvents.holidaySet, thursday.date, thursday);
    await p.publish(CalendarEvents.holidaySet, thursday.date, thursday, id); // redelivered: the inbox skips it
    await p.publish(CalendarEvents.holidaySet, thursday.date, thursday); // the same holiday in a new event
    // One key, one partition: once the last is applied, the redelivery before it has been seen.
    await applied(4);
    expect(await holidayRows(thursday.date)).toBe(1);
    expect(await workingDays()).toBe(19);
  });

  it("refuses TRK's own holiday edits with 409, naming K-Mob, and changes nothing", async () => {
    const before = await p.trk('GET', '/holidays?year=2026', undefined, analis);
    const put = await p.trk('PUT', '/holidays/2026-08-18', { name: 'Cuti bersama HUT RI', kind: 'CUTI_BERSAMA' });
    expect(put.status).toBe(409);
    expect(put.body.message).toMatch(/^Hari libur dikelola di K-Mob; /);
    expect((await p.trk('DELETE', '/holidays/2026-06-11')).status).toBe(409);
    expect((await p.trk('PUT', '/holidays/2026-08-18', { name: 'Cuti bersama HUT RI', kind: 'CUTI_BERSAMA' }, analis)).status).toBe(403);
    expect((await p.trk('GET', '/holidays?year=2026', undefined, analis)).body).toEqual(before.body);
  });
});
