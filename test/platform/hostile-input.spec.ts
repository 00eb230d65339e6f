import { waitFor } from '@app/testing';
import { hostileCases, operationsOf, type HostileCase, type OpenApiDocument, type RouteOperation } from './hostile-cases';
import { ADMIN, PEOPLE, seedPeople, startRunningPlatform, type RunningPlatform } from './running-platform';

/**
 * Words that give away an English message (every message staff see is in Bahasa Indonesia): none of
 * them is an Indonesian word, and field names are taken out of a message before it is judged.
 */
const ENGLISH =
  /\b(the|not|must|should|cannot|invalid|expected|unexpected|required|found|failed|error|quote|closed|token|property|character|delimiter|missing|unknown|allowed|please|with|at (?:line|position|index))\b/i;
/** Tables that change on a refused request by design, or by themselves: the audit trail, login throttling, the outbox and inbox. */
const VOLATILE_TABLES = new Set(['audit_entry', 'login_throttle', 'outbox_event', 'inbox_event', 'migrations']);

type Finding = { role: string; operation: string; label: string; status: number; text: string };

/**
 * The platform as a probe meets it: every operation of the OpenAPI document, as every role, with
 * malformed, oversized, deeply nested, wrongly typed, control-character, impossible-date and
 * prototype-key values. No answer may be a 5xx, every refusal is the platform's one error body in
 * Bahasa Indonesia, and a refused request stores nothing.
 */
describe('hostile input on every route, as every role', () => {
  let p: RunningPlatform;
  const tokens: Record<string, string> = {};
  let samples: Record<string, string>;

  beforeAll(async () => {
    p = await startRunningPlatform({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000000', RATE_LIMIT_PER_ACCOUNT_PER_MINUTE: '100000000' });
    tokens.ADMIN_BKD = (await p.login(ADMIN.nip, ADMIN.password)).accessToken;
    const people = await seedPeople(p, tokens.ADMIN_BKD);
    Object.assign(tokens, { OPERATOR_OPD: people.operator, ATASAN: people.kabid, PEGAWAI: people.analis });
    const office = { name: 'Kantor BKD Sulteng', latitude: -0.8979, longitude: 119.8594, radiusMeters: 100, wifiBssids: ['a4:2b:b0:11:22:33'] };
    expect((await p.call('PUT', '/api/v1/kmob/locations/BKD', [office], tokens.ADMIN_BKD)).status).toBe(200);
    const request = await p.call(
      'POST',
      '/api/v1/kmob/requests',
      { type: 'CUTI_TAHUNAN', startDate: nextMonday(), endDate: nextMonday(), reason: 'Urusan keluarga' },
      tokens.PEGAWAI,
    );
    expect(request.status).toBe(201);
    samples = {
      nip: PEOPLE.analis.nip,
      code: 'BKD',
      unitCode: 'BKD',
      id: request.body.id,
      month: '2026-10',
      date: '2026-12-25',
      kind: 'discipline',
      effectiveFrom: '2027-01-01',
      section: 'awards',
      service: 'siap',
    };
    await quiet(p);
    await probeOutboxes(p);
  }, 180_000);

  afterAll(() => p?.close());

  it('answers every hostile request with a 4xx in the platform body, and a refused request stores nothing', async () => {
    const doc = (await p.call('GET', '/api/docs/json')).body as OpenApiDocument;
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(40);
    const findings: Finding[] = [];
    let requests = 0;
    let cases = 0;
    let serverErrors = 0;
    for (const op of operations) {
      const opCases = hostileCases(op, samples);
      cases += opCases.length;
      for (const role of Object.keys(tokens)) {
        // The state before each case: a refused case is judged against exactly what it found.
        let before = await digest(p);
        for (const c of opCases) {
          // An account route changes who may do what: it works on an account no role's token belongs to.
          const reply = await send(
            p,
            op,
            op.template.includes('/auth/accounts/') ? { ...c, path: c.path.replace(PEOPLE.analis.nip, PEOPLE.perawat.nip) } : c,
            tokens[role],
          );
          requests++;
          const problem =
            judge(op, c, reply) ?? (op.body?.type === 'csv' && reply.status === 202 ? await jobProblem(p, operations, op, reply.body.id, tokens[role]) : null);
          if (reply.status >= 500) serverErrors++;
          const finding = { role, operation: `${op.method} ${op.template}`, label: c.label, status: reply.status };
          if (problem) findings.push({ ...finding, text: `${problem}: ${reply.text.slice(0, 300)}` });
          if (reply.status < 400 && op.method !== 'GET') {
            // An accepted change may go on through events: what it leads to is the next case's starting state.
            await quiet(p);
            before = await digest(p);
            continue;
          }
          // A refused request (or a read) has changed nothing by the time it is answered, events included (probeOutboxes).
          const after = await digest(p);
          const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
          if (changed.length > 0) findings.push({ ...finding, text: `${reply.status < 400 ? 'a read' : 'refused, yet it'} changed ${changed.join(', ')}` });
          before = after;
        }
      }
    }
    console.log(
      `hostile input: ${operations.length} operations × ${Object.keys(tokens).length} roles, ${cases} cases per role in all, ${requests} requests; 5xx answers: ${serverErrors}; findings: ${findings.length}`,
    );
    const grouped = new Map<string, string[]>();
    for (const f of findings) {
      const key = `${f.operation} | ${f.label} | ${f.status} | ${f.text.slice(0, 160)}`;
      grouped.set(key, [...(grouped.get(key) ?? []), f.role]);
    }
    if (grouped.size > 0) console.log([...grouped].map(([key, roles]) => `${key} [${roles.join(',')}]`).join('\n'));
    expect(findings).toEqual([]);
  }, 600_000);

  it('refuses an overlong request line or header with the platform body', async () => {
    for (const path of [`/api/v1/siap/units/${'A'.repeat(20_000)}`, `/api/v1/siap/units?q=${'a'.repeat(20_000)}`]) {
      const reply = await p.call('GET', path, undefined, tokens.ADMIN_BKD);
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(reply.body).toMatchObject({ statusCode: reply.status, message: expect.stringMatching(/^(Kepala|Alamat)/), requestId: expect.any(String) });
    }
  });
});

async function send(p: RunningPlatform, op: RouteOperation, c: HostileCase, token: string) {
  return p.call(op.method, c.path, c.body, token, c.headers);
}

/** What is wrong with an answer to a hostile request, or null. */
function judge(op: RouteOperation, c: HostileCase, reply: { status: number; headers: Headers; body: any }): string | null {
  if (reply.status >= 500) return 'server error';
  if (reply.status < 400) {
    if (c.mayBeAccepted || op.method === 'GET' || op.body?.type === 'csv') return null;
    return 'accepted a hostile request';
  }
  const body = reply.body;
  if (!(reply.headers.get('content-type') ?? '').includes('application/json')) return 'not JSON';
  if (!body || body.statusCode !== reply.status || typeof body.error !== 'string' || typeof body.message !== 'string' || typeof body.requestId !== 'string')
    return 'not the platform error body';
  const details = (body.details ?? []) as { field: string; message: string }[];
  // A field's own name (`closed`, `status`) is not English prose.
  const prose = details.reduce((text, d) => text.split(d.field).join(' '), body.message as string);
  if (ENGLISH.test(prose) || details.some((d) => ENGLISH.test(d.message))) return 'not in Bahasa Indonesia';
  return null;
}

/** An import accepted with hostile rows must end DONE with those rows as row errors, never FAILED. */
async function jobProblem(p: RunningPlatform, operations: RouteOperation[], op: RouteOperation, id: string, token: string): Promise<string | null> {
  const service = op.template.split('/')[3];
  const follow = operations.find((o) => o.method === 'GET' && o.template === `/api/v1/${service}/jobs/{id}`);
  if (!follow) return 'no route to follow the import job';
  let job: { status?: string } = {};
  await waitFor(async () => {
    job = (await p.call('GET', follow.template.replace('{id}', id), undefined, token)).body ?? {};
    return job.status === 'DONE' || job.status === 'FAILED';
  }, `import job ${id}`);
  return job.status === 'DONE' ? null : `the import job ended ${job.status}`;
}

/** A fingerprint of every table of every service, but those that change by design. */
async function digest(p: RunningPlatform): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [service, db] of Object.entries(p.databases)) {
    const tables = (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows
      .map((r: { tablename: string }) => r.tablename)
      .filter((t: string) => !VOLATILE_TABLES.has(t));
    const sums = await db.query(
      tables
        .map((t: string) => `SELECT '${t}' AS t, md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS h FROM "${t}" x`)
        .join(' UNION ALL '),
    );
    for (const row of sums.rows as { t: string; h: string }[]) result[`${service}.${row.t}`] = row.h;
  }
  return result;
}

/**
 * Every event a service commits, kept in a table of its own: the relay deletes outbox rows once sent,
 * so an event written by a refused request would otherwise leave the digest before anyone looked, and
 * show up later in another service, blamed on a later case.
 */
async function probeOutboxes(p: RunningPlatform): Promise<void> {
  for (const db of Object.values(p.databases)) {
    await db.query('CREATE TABLE hostile_probe_event (event_id uuid PRIMARY KEY, topic text NOT NULL, type text NOT NULL)');
    await db.query(`CREATE FUNCTION hostile_probe_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO hostile_probe_event VALUES (NEW.event_id, NEW.topic, NEW.type) ON CONFLICT DO NOTHING; RETURN NULL; END $$`);
    await db.query('CREATE TRIGGER hostile_probe_event AFTER INSERT ON outbox_event FOR EACH ROW EXECUTE FUNCTION hostile_probe_event()');
  }
}

/** Until every outbox is empty and the consumers have applied what was published. */
async function quiet(p: RunningPlatform): Promise<void> {
  await waitFor(async () => {
    for (const db of Object.values(p.databases)) if ((await db.query('SELECT count(*)::int AS n FROM outbox_event')).rows[0].n > 0) return false;
    return true;
  }, 'the outboxes to drain');
  let last = '';
  await waitFor(
    async () => {
      const counts = await Promise.all(Object.values(p.databases).map(async (db) => (await db.query('SELECT count(*)::int AS n FROM inbox_event')).rows[0].n));
      const now = counts.join(',');
      const settled = now === last;
      last = now;
      return settled;
    },
    'the consumers to settle',
    20_000,
    300,
  );
}

function nextMonday(): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7) + 7);
  return d.toISOString().slice(0, 10);
}
