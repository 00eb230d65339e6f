import { Module, type DynamicModule } from '@nestjs/common';
import { SIAP_READ_MODEL_OPTIONS, SiapProjection, type SiapReadModelOptions } from './siap-projection';
import { SiapScope } from './siap-scope';

/**
 * A service's copy of SIAP: import this module (and list SiapReadModel1732790000000 in its migrations),
 * then use SiapScope for scope facts and hooks for the service's own follow-up of employee changes.
 */
@Module({})
export class SiapReadModelModule {
  static forFeature(options: SiapReadModelOptions): DynamicModule {
    return {
      module: SiapReadModelModule,
      providers: [{ provide: SIAP_READ_MODEL_OPTIONS, useValue: options }, SiapProjection, SiapScope],
      exports: [SiapProjection, SiapScope],
    };
  }
}
