import { randomUUID } from 'node:crypto';
import { AttendanceEvents, DisciplineEvents, type RequestApprovedEventData, type RequestType } from '@app/contracts';
import { waitFor } from '@app/testing';
import { analis, analis2, kabid, seedSulteng, startPlatform, wita, type Platform } from './trk-fixture';

/** An approval as K-Mob publishes it; June 2026 has 20 working days (1 and 16 June are holidays). */
const approved = (nip: string, type: RequestType, startDate: string, endDate: string, workingDays: number): RequestApprovedEventData => ({
  id: randomUUID(),
  nip,
  type,
  startDate,
  endDate,
  workingDays,
  approvedBy: kabid.nip,
});

const NORM_RULE = { normMinutes: 6000, reducingStatuses: ['C', 'S'], cutoff: '16:00', verificationDeadlineDay: 5, unverifiedAtClose: 'NOT_COUNTED' };

describe("TRK's live norm from K-Mob's approved requests", () => {
  let p: Platform;

  const score = async (nip: string) => {
    const r = await p.trk('GET', `/scores?nip=${nip}&month=2026-06`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const applied = async (count: number) =>
    waitFor(
      async () => (await p.db.query(`SELECT 1 FROM inbox_event WHERE consumer = 'trk-attendance-requests'`)).length === count,
      `${count} approvals applied`,
    );

  beforeAll(async () => {
    p = await startPlatform();
    await seedSulteng(p);
    p.clock.set(wita('2026-06-22', '09:00'));
  }, 120_000);

  afterAll(() => p?.close());

  it('prorates the norm by 3 days of annual leave before K-Mob closes the month', async () => {
    await p.publish(AttendanceEvents.requestApproved, analis.nip, approved(analis.nip, 'CUTI_TAHUNAN', '2026-06-08', '2026-06-10', 3));
    await applied(1);
    const s = await score(analis.nip);
    // 6,000 × (20 − 3) ÷ 20
    expect(s.norm).toMatchObject({
      workingDays: 20,
      reducingDays: 3,
      reducingStatuses: ['C', 'S'],
      proratedMinutes: 5100,
      source: 'TRK_CALENDAR',
      kmobVersion: null,
    });
    expect(s.explanation[1]).toBe(
      'Sumber hari kerja: kalender kerja TRK (jam kerja unit dan hari libur), karena K-Mob belum menutup bulan 2026-06; sumber hari C/S: permohonan yang telah disetujui di K-Mob (3 hari kerja), sampai rekap disiplin K-Mob bulan 2026-06 menggantikannya',
    );
  });

  it('counts a repeated approval once, whether the event or only the request repeats', async () => {
    const sick = approved(analis.nip, 'SAKIT', '2026-06-11', '2026-06-11', 1);
    const id = await p.publish(AttendanceEvents.requestApproved, analis.nip, sick);
    await p.publish(AttendanceEvents.requestApproved, analis.nip, sick, id); // redelivered
    await p.publish(AttendanceEvents.requestApproved, analis.nip, sick); // the same request in a new event
    await applied(3);
    expect(await p.db.query('SELECT count(*)::int AS n FROM kmob_request WHERE nip = $1', [analis.nip])).toEqual([{ n: 2 }]);
    expect((await score(analis.nip)).norm).toMatchObject({ reducingDays: 4, proratedMinutes: 4800 });
  });

  it('leaves the norm whole for WFH, dinas luar and izin, and ignores check-ins', async () => {
    await p.publish(AttendanceEvents.requestApproved, analis2.nip, approved(analis2.nip, 'WFH', '2026-06-08', '2026-06-12', 5));
    await p.publish(AttendanceEvents.checkedIn, analis2.nip, {
      id: randomUUID(),
      nip: analis2.nip,
      type: 'IN',
      at: wita('2026-06-08', '07:25'),
      workDate: '2026-06-08',
      unitCode: 'BKD-MUTASI',
      source: 'MOBILE',
      locationName: null,
      distanceMeters: null,
    });
    // 15 and 17 June are working days, 16 June a holiday.
    await p.publish(AttendanceEvents.requestApproved, analis2.nip, approved(analis2.nip, 'DINAS_LUAR', '2026-06-15', '2026-06-17', 2));
    await p.publish(AttendanceEvents.requestApproved, analis2.nip, approved(analis2.nip, 'IZIN', '2026-06-18', '2026-06-18', 1));
    await applied(6);
    expect(await p.db.query(`SELECT type FROM inbox_event WHERE consumer = 'trk-attendance-requests' AND type <> 'kmob.attendance.request-approved'`)).toEqual(
      [],
    );
    expect((await score(analis2.nip)).norm).toMatchObject({ workingDays: 20, reducingDays: 0, proratedMinutes: 6000, source: 'TRK_CALENDAR' });
  });

  it('takes dinas luar off the norm when the norm rule lists DL', async () => {
    const rule = { source: 'Uji: DL mengurangi norma', value: { ...NORM_RULE, reducingStatuses: ['C', 'S', 'DL'] } };
    expect((await p.trk('PUT', '/rules/norm/2026-06-01', rule)).status).toBe(200);
    expect((await score(analis2.nip)).norm).toMatchObject({ reducingDays: 2, proratedMinutes: 5400 });
    expect((await p.trk('DELETE', '/rules/norm/2026-06-01')).status).toBe(204);
  });

  it("gives way to K-Mob's closed month once it arrives", async () => {
    await p.publish(DisciplineEvents.monthClosed, analis.nip, {
      nip: analis.nip,
      month: '2026-06',
      version: 1,
      counts: { H: 15, C: 5 },
      deductionPercent: 0,
      units: [{ unitCode: 'BKD-MUTASI', workingDays: 20, deductionPercent: 0 }],
      contributingDays: [],
    });
    await waitFor(async () => (await p.db.query('SELECT 1 FROM kmob_month WHERE nip = $1', [analis.nip])).length === 1, "K-Mob's June in TRK");
    const s = await score(analis.nip);
    expect(s.norm).toMatchObject({ workingDays: 20, reducingDays: 5, proratedMinutes: 4500, source: 'KMOB', kmobVersion: 1 });
    expect(s.explanation[1]).toBe('Sumber hari kerja dan hari C/S: rekap disiplin K-Mob bulan 2026-06 versi 1');
  });

  it('corrects the published score when sick leave is approved after TRK closed the month', async () => {
    p.clock.set(wita('2026-07-06', '08:00'));
    const started = await p.trk('POST', '/months/2026-06/close');
    expect(started.status).toBe(202);
    await waitFor(async () => (await p.trk('GET', `/jobs/${started.body.id}`)).body.status === 'DONE', 'the close job');
    const closed = await p.messages('trk.performance.v1', 6);
    expect(closed.find((m) => m.key === analis2.nip)!.data).toMatchObject({ version: 1, normMinutes: 6000, normSource: 'TRK_CALENDAR' });

    // Filed on return, approved in July for 22–23 June.
    await p.publish(AttendanceEvents.requestApproved, analis2.nip, approved(analis2.nip, 'SAKIT', '2026-06-22', '2026-06-23', 2));
    const all = await p.messages('trk.performance.v1', 7);
    expect(all.filter((m) => m.type === 'trk.performance.month-corrected').map((m) => [m.key, m.data.version, m.data.normMinutes, m.data.normSource])).toEqual([
      [analis2.nip, 2, 5400, 'TRK_CALENDAR'],
    ]);
  });
});
