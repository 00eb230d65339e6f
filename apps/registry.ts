import type { ServiceDescriptor } from '@app/service-kit/service-descriptor';
import { GATEWAY } from './gateway/service';
import { KMOB } from './kmob/service';
import { SIAP } from './siap/service';
import { TRK } from './trk/service';
import { TUNJANGAN } from './tunjangan/service';

/**
 * Every service of the platform, in start order (the gateway last, in front of the others). Adding a
 * service is its folder with a `service.ts` and one line here; then `npm run generate`.
 */
export const SERVICES: readonly ServiceDescriptor[] = [SIAP, KMOB, TRK, TUNJANGAN, GATEWAY];

/** A service's descriptor by name, for tests and tools that start it as a process. */
export function serviceNamed(name: string): ServiceDescriptor {
  const found = SERVICES.find((s) => s.name === name);
  if (!found) throw new Error(`no service ${name} in apps/registry.ts`);
  return found;
}
