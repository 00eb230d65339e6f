import { startTestBroker, startTestService, waitFor, type TestBroker, type TestService } from '@app/testing';
import { KMOB_SERVICE } from '../src/kmob.module';
import { ADMIN } from './kmob-fixture';

/** How a month close ends when it cannot finish, on K-Mob alone (no employees are needed for that). */
describe('K-Mob month close that cannot finish', () => {
  let broker: TestBroker;
  let kmob: TestService;

  beforeAll(async () => {
    broker = await startTestBroker();
    kmob = await startTestService(KMOB_SERVICE, { broker });
  });
  afterAll(async () => {
    await kmob?.close();
    await broker?.stop();
  });

  it('leaves the month not closed when its run has used up its attempts, though its handler is never called again', async () => {
    // A run whose worker kept dying mid-close: the month is CLOSING and the job's last claim has expired with every attempt used.
    await kmob.db.query(`INSERT INTO month_close (month, closed_by, status) VALUES ('2026-09', $1, 'CLOSING')`, [ADMIN.nip]);
    const [{ id }] = await kmob.db.query(
      `INSERT INTO job (kind, status, input, dedupe_key, attempts, cursor, lease_owner, lease_until, started_at)
       VALUES ('kmob.month-close', 'RUNNING', $1, '2026-09', 5, '{"after": "199003152015031002"}', 'gone:1:x', now() - interval '1 minute', now())
       RETURNING id`,
      [JSON.stringify({ month: '2026-09', by: ADMIN.nip })],
    );
    await waitFor(async () => (await kmob.db.query('SELECT status FROM job WHERE id = $1', [id]))[0].status === 'FAILED', 'the run to give up');
    const month = await kmob.call('GET', '/api/v1/kmob/months/2026-09', { as: ADMIN });
    expect(month.body).toMatchObject({ closed: false, closing: false });
    expect(await kmob.db.query('SELECT month FROM month_close')).toEqual([]);
  });

  it('answers a database failure while reading the rules as a server error, not as a month without rules', async () => {
    const noRules = await kmob.call('POST', '/api/v1/kmob/months/2025-06/close', { as: ADMIN });
    expect(noRules.status).toBe(422);
    await kmob.db.query('ALTER TABLE rule_version RENAME TO rule_version_away');
    try {
      const outage = await kmob.call('POST', '/api/v1/kmob/months/2026-09/close', { as: ADMIN });
      expect(outage.status).toBe(500);
      expect(outage.body.message).not.toMatch(/aturan/);
    } finally {
      await kmob.db.query('ALTER TABLE rule_version_away RENAME TO rule_version');
    }
    expect(await kmob.db.query(`SELECT 1 FROM job WHERE input->>'month' = '2026-09' AND status = 'QUEUED'`)).toEqual([]);
  });
});
