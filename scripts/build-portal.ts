/** `npm run build:portal`: the staff portal into apps/portal/dist (see scripts/platform/portal-build.ts). */
import { buildPortal } from './platform/portal-build';

buildPortal();
