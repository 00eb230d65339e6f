/**
 * `npm run seed`: loads the demo dataset through a running gateway (GATEWAY_URL, default
 * http://localhost:3000), logged in as the admin (ADMIN_NIP/ADMIN_PASSWORD, else .data/secrets.json):
 * Sulteng's provincial OPDs with their sub-units and positions, and 2,000 synthetic employees through
 * the bulk import. Safe to run twice: what exists is left as it is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { demoEmployeesCsv, demoOrganisation } from './demo/sulteng-organisation';

export async function seedDemo(gatewayUrl: string, admin: { nip: string; password: string }, employees = Number(process.env.DEMO_EMPLOYEES ?? 2000), log = console.log): Promise<void> {
  const base = gatewayUrl.replace(/\/$/, '');
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
  const auth = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  const api = `${base}/api/v1/siap`;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) });
    if (response.status !== 201 && response.status !== 409) throw new Error(`POST ${path} → ${response.status}: ${await response.text()}`);
  };
  const { units, positions, staffPositions } = demoOrganisation();
  log(`seed: ${units.length} units, ${positions.length} positions…`);
  for (const unit of units) await post('/units', unit);
  for (const position of positions) await post('/positions', position);
  log(`seed: importing ${employees} employees…`);
  const started = await fetch(`${api}/imports/employees`, { method: 'POST', headers: { 'content-type': 'text/csv', ...auth }, body: demoEmployeesCsv(employees, staffPositions) });
  if (started.status !== 202) throw new Error(`import refused: ${started.status} ${await started.text()}`);
  const { id } = (await started.json()) as { id: string };
  for (;;) {
    const job = (await (await fetch(`${api}/imports/${id}`, { headers: auth })).json()) as { status: string; processedRows: number; totalRows: number; imported: number; unchanged: number; failed: number };
    log(`seed: import ${job.status.toLowerCase()} ${job.processedRows}/${job.totalRows} (new ${job.imported}, already there ${job.unchanged}, rejected ${job.failed})`);
    if (job.status === 'DONE' || job.status === 'FAILED') {
      if (job.status === 'FAILED' || job.failed > 0) throw new Error('the demo import did not complete cleanly');
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
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
