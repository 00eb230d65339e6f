/**
 * `npm run api-types`: the portal's API types from the platform's code (see scripts/platform/platform-openapi.ts).
 * `--out <file>` writes them elsewhere, for the test that compares them with the committed ones.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVICES } from '../apps/registry';
import { PORTAL_API_TYPES, portalApiTypes } from './platform/platform-openapi';

const at = process.argv.indexOf('--out');
const out = at > 0 ? process.argv[at + 1] : PORTAL_API_TYPES;

void portalApiTypes(SERVICES).then((types) => {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, types);
  console.log(`wrote ${out}`);
});
