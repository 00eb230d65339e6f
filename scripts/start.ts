/**
 * `npm start`: the whole platform on one machine (see scripts/platform/run-platform.ts). Uses PostgreSQL
 * from DATABASE_URL and Kafka from KAFKA_BROKERS when they are set; otherwise starts an embedded
 * PostgreSQL and the embedded broker, with data kept under .data/. Each service of apps/registry.ts
 * runs as its own process with labelled, readable log lines.
 */
import * as path from 'node:path';
import { SERVICES } from '../apps/registry';
import { runDemo } from './platform/demo';
import { buildPortal, portalBuilt } from './platform/portal-build';
import { runPlatform } from './platform/run-platform';
import { seedDemo } from './seed';

const ROOT = path.join(__dirname, '..');
const COLOURS = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m', '\x1b[34m', '\x1b[31m'];
const colourOf = new Map<string, string>([...SERVICES.map((s, i) => [s.name, COLOURS[i % COLOURS.length]] as const), ['kafka', '\x1b[2m']]);
const width = Math.max(...[...colourOf.keys()].map((name) => name.length));

function say(message: string): void {
  console.log(`\x1b[1m[platform]\x1b[0m ${message}`);
}

async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(ROOT, '.data'));
  // The gateway serves the staff portal; a fresh clone has none built yet (PORTAL_DIR points elsewhere on purpose).
  if (!process.env.PORTAL_DIR && !portalBuilt()) {
    say('the staff portal is not built yet; building it once (npm run build:portal rebuilds it)');
    buildPortal({ say });
  }
  const platform = await runPlatform({
    services: SERVICES,
    dataDir,
    env: process.env,
    say,
    log: (service, line) => console.log(`${colourOf.get(service) ?? ''}${service.padEnd(width)}\x1b[0m │ ${line}`),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void platform.stop(0));
  void platform.stopped.then((code) => process.exit(code));
  say('ready:');
  say(`  portal     ${platform.gatewayUrl}/  (the staff portal, in Bahasa Indonesia)`);
  say(`  gateway    ${platform.gatewayUrl}  (login: POST /api/v1/auth/login; services under /api/v1/<service>; API docs /api/docs)`);
  for (const s of SERVICES) say(`  ${s.name.padEnd(10)} internal http://127.0.0.1:${platform.ports[s.name]}  (API docs: /api/v1/${s.name}/docs)`);
  if (process.argv.includes('--demo')) {
    const admin = { nip: platform.secrets.ADMIN_NIP, password: platform.secrets.ADMIN_PASSWORD };
    await seedDemo(platform.gatewayUrl, admin, undefined, (m) => say(m));
    say('demo data loaded');
    await runDemo(platform.gatewayUrl, admin, dataDir, say);
  }
  say('press Ctrl-C to stop');
}

main().catch(() => process.exit(1));
