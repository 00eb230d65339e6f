import type { ServiceDefinition } from '@app/service-kit';
import { Clock } from '../src/common/clock';
import type { TrkConfig } from '../src/trk.config';
import { TRK_SERVICE } from '../src/trk.module';

/** TRK as it runs, with its Clock provider replaced by `clock`: the tests' and the bench's server time. */
export function trkWithClock(clock: Clock): ServiceDefinition<TrkConfig> {
  return {
    ...TRK_SERVICE,
    rootModule: (config, logger) => {
      const root = TRK_SERVICE.rootModule(config, logger);
      // A later provider of the same token replaces the earlier one.
      return { ...root, providers: [...(root.providers ?? []), { provide: Clock, useValue: clock }] };
    },
  };
}
