import { randomUUID } from 'node:crypto';
import {
  ADMIN,
  analis,
  analis2,
  freeText,
  kabid,
  kadinkes,
  opBkd,
  opDinkes,
  pengelola,
  perawat,
  seedSulteng,
  startPlatform,
  TODAY,
  wita,
  type Platform,
} from './trk-fixture';

const verify = (ids: string[], decision: string, extra: Record<string, unknown> = {}) => ({ ids, decision, ...extra });

describe('TRK verification', () => {
  let p: Platform;
  /** Entries of the analyst (atasan: the head of Bidang Mutasi) and of the clerk (atasan position vacant). */
  const ids: Record<string, string> = {};

  const entry = async (who: typeof analis, minutes: number, key: string) => {
    const r = await p.trk('POST', '/activities', freeText(TODAY, minutes, `Kegiatan ${key}`), who);
    expect(r.status).toBe(201);
    ids[key] = r.body.id;
  };

  beforeAll(async () => {
    p = await startPlatform();
    await seedSulteng(p);
    p.clock.set(wita(TODAY, '11:00'));
    await entry(analis, 60, 'a1');
    await entry(analis, 60, 'a2');
    await entry(analis, 60, 'a3');
    await entry(analis2, 30, 'b1');
    await entry(pengelola, 45, 'c1');
    await entry(perawat, 20, 'd1');
  }, 90_000);

  afterAll(() => p?.close());

  it.each([
    ['another unit’s atasan', kadinkes],
    ['the employee', analis],
    ['a peer', analis2],
    ['an operator of the unit while the atasan is in post', opBkd],
    ['a BKD admin while the atasan is in post', ADMIN],
  ])('refuses %s with 403 and decides nothing', async (_who, who) => {
    const r = await p.trk('POST', '/activities/verify', verify([ids.a1], 'APPROVE'), who);
    expect(r.status).toBe(403);
    expect(r.body.info).toEqual({ id: ids.a1 });
    expect(await p.db.query('SELECT status FROM activity WHERE id = $1', [ids.a1])).toEqual([{ status: 'PENDING' }]);
  });

  it('lets the atasan by position approve, and nobody decide an entry twice', async () => {
    const r = await p.trk('POST', '/activities/verify', verify([ids.a1], 'APPROVE'), kabid);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      status: 'APPROVED',
      entries: [expect.objectContaining({ id: ids.a1, status: 'APPROVED', verifiedMinutes: 60, decidedBy: kabid.nip })],
    });
    const again = await p.trk('POST', '/activities/verify', verify([ids.a2, ids.a1], 'REJECT', { reason: 'Tidak ada bukti' }), kabid);
    expect(again.status).toBe(409);
    expect(again.body.info).toEqual({ id: ids.a1, status: 'APPROVED' });
    expect(await p.db.query('SELECT status FROM activity WHERE id = $1', [ids.a2])).toEqual([{ status: 'PENDING' }]);
  });

  it('decides all or nothing: one entry the caller may not verify refuses the lot, naming it', async () => {
    const r = await p.trk('POST', '/activities/verify', verify([ids.a2, ids.d1], 'APPROVE'), kabid);
    expect(r.status).toBe(403);
    expect(r.body.info).toEqual({ id: ids.d1 });
    expect(r.body.details[0].field).toBe('ids');
    expect(await p.db.query('SELECT status FROM activity WHERE id = $1', [ids.a2])).toEqual([{ status: 'PENDING' }]);
    const unknown = randomUUID();
    expect((await p.trk('POST', '/activities/verify', verify([ids.a2, unknown], 'APPROVE'), kabid)).status).toBe(404);
  });

  it('reduces with the minutes that count and a reason, and rejects with a reason', async () => {
    const noReason = await p.trk('POST', '/activities/verify', verify([ids.a2], 'REDUCE', { minutes: 30 }), kabid);
    expect([noReason.status, noReason.body.details[0].field]).toEqual([400, 'reason']);
    const noMinutes = await p.trk('POST', '/activities/verify', verify([ids.a2], 'REDUCE', { reason: 'Terlalu lama' }), kabid);
    expect([noMinutes.status, noMinutes.body.details[0].field]).toEqual([400, 'minutes']);
    const notFewer = await p.trk('POST', '/activities/verify', verify([ids.a2], 'REDUCE', { minutes: 60, reason: 'Terlalu lama' }), kabid);
    expect([notFewer.status, notFewer.body.details[0].field]).toEqual([422, 'minutes']);
    const reduced = await p.trk('POST', '/activities/verify', verify([ids.a2], 'REDUCE', { minutes: 40, reason: 'Laporan hanya dua halaman' }), kabid);
    expect(reduced.body.entries[0]).toMatchObject({ status: 'REDUCED', minutes: 60, verifiedMinutes: 40, decisionReason: 'Laporan hanya dua halaman' });
    expect((await p.trk('POST', '/activities/verify', verify([ids.a3], 'REJECT'), kabid)).status).toBe(400);
    const rejected = await p.trk('POST', '/activities/verify', verify([ids.a3], 'REJECT', { reason: 'Bukan tugas jabatan' }), kabid);
    expect(rejected.body.entries[0]).toMatchObject({ status: 'REJECTED', verifiedMinutes: 0 });
  });

  it('lets an operator of the unit verify when the atasan position is vacant, not another unit’s operator', async () => {
    expect((await p.trk('POST', '/activities/verify', verify([ids.c1], 'APPROVE'), opDinkes)).status).toBe(403);
    expect((await p.trk('POST', '/activities/verify', verify([ids.c1], 'APPROVE'), kabid)).status).toBe(403);
    const inbox = await p.trk('GET', '/activities/pending', undefined, opBkd);
    expect(inbox.body.map((e: { id: string }) => e.id)).toEqual([ids.c1]);
    // BKD's holds the vacant ones of every unit, and never those whose atasan is in post.
    const bkd = (await p.trk('GET', '/activities/pending', undefined, ADMIN)).body as { id: string; nip: string }[];
    expect(bkd.map((e) => e.id)).toContain(ids.c1);
    expect(bkd.filter((e) => [analis.nip, perawat.nip].includes(e.nip))).toEqual([]);
    const r = await p.trk('POST', '/activities/verify', verify([ids.c1], 'APPROVE'), opBkd);
    expect(r.status).toBe(200);
  });

  it("shows the atasan their inbox oldest first, with what is overdue, and the month's entries to those who may see them", async () => {
    const inbox = await p.trk('GET', '/activities/pending', undefined, kabid);
    expect(inbox.body).toEqual([
      expect.objectContaining({ id: ids.b1, nip: analis2.nip, name: 'Pegawai analis2', verificationDeadline: '2026-07-05', overdue: false }),
    ]);
    expect((await p.trk('GET', '/activities/pending', undefined, kadinkes)).body.map((e: { id: string }) => e.id)).toEqual([ids.d1]);
    expect((await p.trk('GET', '/activities/pending', undefined, analis)).body).toEqual([]);
    p.clock.set(wita('2026-07-06', '08:00'));
    expect((await p.trk('GET', '/activities/pending', undefined, kabid)).body[0].overdue).toBe(true);
    p.clock.set(wita(TODAY, '11:00'));

    for (const who of [analis, kabid, opBkd, ADMIN])
      expect((await p.trk('GET', `/activities?nip=${analis.nip}&month=2026-06`, undefined, who)).status).toBe(200);
    for (const who of [analis2, kadinkes, opDinkes])
      expect((await p.trk('GET', `/activities?nip=${analis.nip}&month=2026-06`, undefined, who)).status).toBe(403);
    const month = await p.trk('GET', `/activities?nip=${analis.nip}&month=2026-06`, undefined, kabid);
    const statusOf = Object.fromEntries(month.body.map((e: { id: string; status: string }) => [e.id, e.status]));
    expect(statusOf).toEqual({ [ids.a1]: 'APPROVED', [ids.a2]: 'REDUCED', [ids.a3]: 'REJECTED' });
    expect((await p.trk('GET', `/activities?nip=${analis.nip}&month=2026-13`, undefined, kabid)).body.details[0].field).toBe('month');
  });

  it("frees a rejected entry's minutes and keeps a reduced entry's reduction for the day's total", async () => {
    // analis today: 60 approved + 40 of a reduced 60 + a rejected 60 → 100 count; 350 are left of 450.
    expect((await p.trk('POST', '/activities', freeText(TODAY, 351), analis)).status).toBe(422);
    expect((await p.trk('POST', '/activities', freeText(TODAY, 350), analis)).status).toBe(201);
  });

  it('approves 500 entries in one request, one UPDATE and one outbox INSERT, and publishes one event each', async () => {
    // The nurse's month of entries, written straight to the table: 500 through the API would be 500 days.
    const bulk = Array.from({ length: 500 }, () => randomUUID());
    await p.db.query(
      `INSERT INTO activity (id, nip, activity_date, unit_code, description, quantity, minutes, created_at)
       SELECT id, $2, $3, 'DINKES', 'Pelayanan pasien', 1, 1, now() FROM unnest($1::uuid[]) AS id`,
      [bulk, perawat.nip, '2026-06-01'],
    );
    // Oldest first: the nurse's entries of 1 June before today's.
    const inbox = await p.trk('GET', '/activities/pending', undefined, kadinkes);
    expect([inbox.body.length, inbox.body[0].date, inbox.body[500].id]).toEqual([501, '2026-06-01', ids.d1]);
    // Statement-level triggers count the statements that write the entries and their events.
    await p.db.query('CREATE TABLE statement_probe (table_name text NOT NULL)');
    await p.db.query(`CREATE FUNCTION statement_probe() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO statement_probe VALUES (TG_TABLE_NAME); RETURN NULL; END $$`);
    await p.db.query('CREATE TRIGGER statement_probe AFTER UPDATE ON activity FOR EACH STATEMENT EXECUTE FUNCTION statement_probe()');
    await p.db.query('CREATE TRIGGER statement_probe AFTER INSERT ON outbox_event FOR EACH STATEMENT EXECUTE FUNCTION statement_probe()');
    const r = await p.trk('POST', '/activities/verify', verify(bulk, 'APPROVE'), kadinkes);
    expect(r.status).toBe(200);
    expect(r.body.entries).toHaveLength(500);
    expect(await p.db.query('SELECT table_name, count(*)::int AS statements FROM statement_probe GROUP BY table_name ORDER BY table_name')).toEqual([
      { table_name: 'activity', statements: 1 },
      { table_name: 'outbox_event', statements: 1 },
    ]);
    for (const table of ['activity', 'outbox_event']) await p.db.query(`DROP TRIGGER statement_probe ON ${table}`);
    expect(
      await p.db.query(`SELECT count(*)::int AS n FROM activity WHERE id = ANY($1) AND status = 'APPROVED' AND decided_by = $2`, [bulk, kadinkes.nip]),
    ).toEqual([{ n: 500 }]);
    const tooMany = await p.trk('POST', '/activities/verify', verify([...bulk, randomUUID()], 'APPROVE'), kadinkes);
    expect([tooMany.status, tooMany.body.details[0].field]).toEqual([400, 'ids']);

    // Seven entries were recorded through the API; four of them and the 500 were decided.
    const messages = await p.messages('trk.activity.v1', 7 + 504);
    const verified = messages.filter((m) => m.type === 'trk.activity.verified');
    expect(verified).toHaveLength(504);
    expect(verified.find((m) => m.data.id === ids.a2)).toEqual({
      type: 'trk.activity.verified',
      key: analis.nip,
      data: expect.objectContaining({ nip: analis.nip, date: TODAY, decision: 'REDUCED', minutes: 60, verifiedMinutes: 40, verifiedBy: kabid.nip }),
    });
  });
});
