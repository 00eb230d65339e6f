/** `npm run api-types`: the portal's API types from the platform's code (see scripts/platform/platform-openapi.ts). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVICES } from '../apps/registry';
import { PORTAL_API_TYPES, portalApiTypes } from './platform/platform-openapi';

void portalApiTypes(SERVICES).then((types) => {
  fs.mkdirSync(path.dirname(PORTAL_API_TYPES), { recursive: true });
  fs.writeFileSync(PORTAL_API_TYPES, types);
  console.log(`wrote ${PORTAL_API_TYPES}`);
});
