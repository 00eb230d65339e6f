/**
 * `npm run seed`: loads the demo dataset through a running gateway (GATEWAY_URL, default
 * http://localhost:3000), logged in as the admin (ADMIN_NIP/ADMIN_PASSWORD, else .data/secrets.json):
 * Sulteng's provincial OPDs with their sub-units and positions, and 2,000 synthetic employees through
 * the bulk import. Safe to run twice: what exists is left as it is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_CATALOGUE } from './demo/demo-catalogue';
import { demoEmployeesCsv, demoOffices, demoOrganisation, type DemoPosition, type DemoUnit } from './demo/sulteng-organisation';

/** What the seed loads: units, positions, and the positions employees are spread over (employee i holds `employeePositions[i % length]`). */
export interface SeedOrganisation {
  units: DemoUnit[];
  positions: DemoPosition[];
  employeePositions: DemoPosition[];
}

/** Positions created at once: enough to keep SIAP busy, few enough not to crowd out everything else. */
const POSITIONS_IN_FLIGHT = 16;

export async function seedDemo(
  gatewayUrl: string,
  admin: { nip: string; password: string },
  employees = Number(process.env.DEMO_EMPLOYEES ?? 2000),
  log = console.log,
  options: { organisation?: SeedOrganisation; offices?: boolean } = {},
): Promise<void> {
  const base = gatewayUrl.replace(/\/$/, '');
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
  const auth = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  const api = `${base}/api/v1/siap`;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) });
    if (response.status !== 201 && response.status !== 409) throw new Error(`POST ${path} → ${response.status}: ${await response.text()}`);
  };
  const { units, positions, employeePositions } = options.organisation ?? demoSeedOrganisation();
  log(`seed: ${units.length} units, ${positions.length} positions…`);
  for (const unit of units) await post('/units', unit);
  // A position names its parent, so each level is created once the one above it is; within a level, several at once.
  for (const level of byLevel(positions)) {
    let next = 0;
    await Promise.all(
      Array.from({ length: POSITIONS_IN_FLIGHT }, async () => {
        for (let i = next++; i < level.length; i = next++) await post('/positions', level[i]);
      }),
    );
  }
  log(`seed: importing ${employees} employees…`);
  const started = await fetch(`${api}/imports/employees`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...auth },
    body: demoEmployeesCsv(employees, employeePositions),
  });
  if (started.status !== 202) throw new Error(`import refused: ${started.status} ${await started.text()}`);
  const { id } = (await started.json()) as { id: string };
  for (;;) {
    const job = (await (await fetch(`${api}/jobs/${id}`, { headers: auth })).json()) as {
      status: string;
      progress: { processed: number; total: number; imported: number; unchanged: number; failed: number };
    };
    const { processed, total, imported, unchanged, failed } = job.progress;
    log(`seed: import ${job.status.toLowerCase()} ${processed}/${total} (new ${imported}, already there ${unchanged}, rejected ${failed})`);
    if (job.status === 'DONE' || job.status === 'FAILED') {
      if (job.status === 'FAILED' || job.progress.failed > 0) throw new Error('the demo import did not complete cleanly');
      break;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (options.offices !== false) await seedOffices(base, auth, log);
  await seedCatalogue(base, auth, log);
}

function demoSeedOrganisation(): SeedOrganisation {
  const { units, positions, staffPositions } = demoOrganisation();
  return { units, positions, employeePositions: staffPositions };
}

/** Positions grouped by their depth under a position without a parent, top first. */
function byLevel(positions: DemoPosition[]): DemoPosition[][] {
  const byCode = new Map(positions.map((p) => [p.code, p]));
  const depth = (p: DemoPosition): number => (p.parentCode && byCode.has(p.parentCode) ? 1 + depth(byCode.get(p.parentCode)!) : 0);
  const levels: DemoPosition[][] = [];
  for (const p of positions) (levels[depth(p)] ??= []).push(p);
  return levels;
}

/** TRK's demo catalogue; what an OPD has already put there is left as it is. */
async function seedCatalogue(base: string, auth: Record<string, string>, log: (m: string) => void): Promise<void> {
  const existing = await fetch(`${base}/api/v1/trk/catalogue`, { headers: auth });
  if (existing.status === 404 || existing.status === 502) return log('seed: TRK is not routed by this gateway; no catalogue set');
  if (existing.status !== 200) throw new Error(`TRK catalogue: ${existing.status} ${await existing.text()}`);
  const codes = new Set(((await existing.json()) as { code: string }[]).map((a) => a.code));
  const missing = DEMO_CATALOGUE.filter((a) => !codes.has(a.code));
  log(`seed: ${missing.length} activities in TRK's catalogue…`);
  for (const { code, ...activity } of missing) {
    const r = await fetch(`${base}/api/v1/trk/catalogue/${code}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(activity),
    });
    if (r.status !== 200) throw new Error(`catalogue ${code}: ${r.status} ${await r.text()}`);
  }
}

/** K-Mob's office locations, once K-Mob has heard of the units from SIAP (it learns them by events). */
async function seedOffices(base: string, auth: Record<string, string>, log: (m: string) => void): Promise<void> {
  const offices = demoOffices();
  log(`seed: ${offices.length} office locations in K-Mob…`);
  for (const { unitCode, ...office } of offices) {
    for (let attempt = 1; ; attempt++) {
      const r = await fetch(`${base}/api/v1/kmob/locations/${unitCode}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify([office]),
      });
      if (r.status === 200) break;
      if (r.status === 404 && (await r.text()).includes('Layanan')) return log('seed: K-Mob is not routed by this gateway; no locations set');
      if (attempt >= 60) throw new Error(`locations of ${unitCode}: ${r.status} ${await r.text()}`);
      await new Promise((resolve) => setTimeout(resolve, 500)); // the unit's event has not reached K-Mob yet
    }
  }
}

if (require.main === module) {
  const secretsFile = path.join(process.env.DATA_DIR ?? path.join(__dirname, '..', '.data'), 'secrets.json');
  const stored = fs.existsSync(secretsFile) ? (JSON.parse(fs.readFileSync(secretsFile, 'utf8')) as { ADMIN_NIP?: string; ADMIN_PASSWORD?: string }) : {};
  const admin = { nip: process.env.ADMIN_NIP ?? stored.ADMIN_NIP ?? '', password: process.env.ADMIN_PASSWORD ?? stored.ADMIN_PASSWORD ?? '' };
  seedDemo(process.env.GATEWAY_URL ?? 'http://localhost:3000', admin).catch((error: unknown) => {
    console.error(`seed failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
