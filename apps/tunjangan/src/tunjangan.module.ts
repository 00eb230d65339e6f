import { PlatformModule, type ServiceDefinition } from '@app/service-kit';
import { SiapReadModel1732790000000, SiapReadModelModule } from '@app/siap-read-model';
import { Module, type DynamicModule } from '@nestjs/common';
import { TUNJANGAN } from '../service';
import { DisciplineMonthProjection } from './inputs/discipline-month.projection';
import { PerformanceMonthProjection } from './inputs/performance-month.projection';
import { TunjanganRules1732792000000 } from './persistence/1732792000000-tunjangan-rules';
import { TunjanganInputs1732792100000 } from './persistence/1732792100000-tunjangan-inputs';
import { TunjanganSalaries1732792200000 } from './persistence/1732792200000-tunjangan-salaries';
import { RuleSetStore } from './rules/rule-set.store';
import { RulesController } from './rules/rules.controller';
import { TaxRuleStore } from './rules/tax-rule.store';
import { SalariesController } from './salaries/salaries.controller';
import { SalaryStore } from './salaries/salary.store';
import { TunjanganConfig } from './tunjangan.config';

@Module({})
export class TunjanganModule {}

export const TUNJANGAN_SERVICE: ServiceDefinition<TunjanganConfig> = {
  descriptor: TUNJANGAN,
  configClass: TunjanganConfig,
  rootModule: (config, logger): DynamicModule => ({
    module: TunjanganModule,
    imports: [
      PlatformModule.forRoot({
        service: 'tunjangan',
        config,
        logger,
        entities: [],
        migrations: [SiapReadModel1732790000000, TunjanganRules1732792000000, TunjanganInputs1732792100000, TunjanganSalaries1732792200000],
      }),
      // Kelas jabatan, employee type, units over time and termination: SIAP's copy, as TRK keeps it.
      SiapReadModelModule.forFeature({
        consumer: 'tunjangan-employees',
        partitionsConcurrently: 4,
        // An event without a decree takes effect on the province's local day it happened.
        today: (instant) => new Date(instant.getTime() + config.UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10),
      }),
    ],
    controllers: [RulesController, SalariesController],
    providers: [RuleSetStore, TaxRuleStore, SalaryStore, DisciplineMonthProjection, PerformanceMonthProjection],
  }),
};
