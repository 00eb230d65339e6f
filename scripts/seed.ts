/**
 * `npm run seed`: loads the demo dataset into a running SIAP (SIAP_URL, default http://localhost:3001):
 * Sulteng's provincial OPDs with their sub-units and positions, and 2,000 synthetic employees through
 * the bulk import. Safe to run twice: what exists is left as it is.
 */
import { demoEmployeesCsv, demoOrganisation } from './demo/sulteng-organisation';

export async function seedDemo(siapUrl: string, employees = Number(process.env.DEMO_EMPLOYEES ?? 2000), log = console.log): Promise<void> {
  const api = `${siapUrl.replace(/\/$/, '')}/api/v1/siap`;
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status !== 201 && response.status !== 409) throw new Error(`POST ${path} → ${response.status}: ${await response.text()}`);
  };
  const { units, positions, staffPositions } = demoOrganisation();
  log(`seed: ${units.length} units, ${positions.length} positions…`);
  for (const unit of units) await post('/units', unit);
  for (const position of positions) await post('/positions', position);
  log(`seed: importing ${employees} employees…`);
  const started = await fetch(`${api}/imports/employees`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: demoEmployeesCsv(employees, staffPositions) });
  if (started.status !== 202) throw new Error(`import refused: ${started.status} ${await started.text()}`);
  const { id } = (await started.json()) as { id: string };
  for (;;) {
    const job = (await (await fetch(`${api}/imports/${id}`)).json()) as { status: string; processedRows: number; totalRows: number; imported: number; unchanged: number; failed: number };
    log(`seed: import ${job.status.toLowerCase()} ${job.processedRows}/${job.totalRows} (new ${job.imported}, already there ${job.unchanged}, rejected ${job.failed})`);
    if (job.status === 'DONE' || job.status === 'FAILED') {
      if (job.status === 'FAILED' || job.failed > 0) throw new Error('the demo import did not complete cleanly');
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

if (require.main === module) {
  seedDemo(process.env.SIAP_URL ?? 'http://localhost:3001').catch((error: unknown) => {
    console.error(`seed failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
