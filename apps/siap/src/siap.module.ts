import { PlatformModule, type ServiceDefinition } from '@app/service-kit';
import { SIAP } from '../service';
import { Module, type DynamicModule } from '@nestjs/common';
import { EmployeeAccess } from './common/employee-access';
import { EmployeeController } from './employees/employee.controller';
import { EmployeeService } from './employees/employee.service';
import { RegistrationLookup } from './employees/registration-lookup';
import { EventsController } from './events/events.controller';
import { RepublishService } from './events/republish.service';
import { ImportController } from './imports/import.controller';
import { EmployeeImportJob } from './imports/employee-import.job';
import { ImportService } from './imports/import.service';
import { SiapSchema1732780900000 } from './persistence/1732780900000-siap-schema';
import { ImportJobs1732781000000 } from './persistence/1732781000000-import-jobs';
import { ImportJobsToJobs1732781100000 } from './persistence/1732781100000-import-jobs-to-jobs';
import { EmployeePositionIndex1732791500000 } from './persistence/1732791500000-employee-position-index';
import { SIAP_ENTITIES } from './persistence/entities';
import { PositionController } from './positions/position.controller';
import { PositionService } from './positions/position.service';
import { SiapConfig } from './siap.config';
import { UnitController } from './units/unit.controller';
import { UnitService } from './units/unit.service';

/** Durable jobs: registered with the platform by kind, provided here with their dependencies. */
const JOBS = [EmployeeImportJob];

@Module({})
export class SiapModule {}

export const SIAP_SERVICE: ServiceDefinition<SiapConfig> = {
  descriptor: SIAP,
  configClass: SiapConfig,
  rootModule: (config, logger): DynamicModule => ({
    module: SiapModule,
    imports: [
      PlatformModule.forRoot({
        service: 'siap',
        config,
        logger,
        entities: SIAP_ENTITIES,
        migrations: [SiapSchema1732780900000, ImportJobs1732781000000, ImportJobsToJobs1732781100000, EmployeePositionIndex1732791500000],
        jobs: JOBS,
      }),
    ],
    controllers: [UnitController, PositionController, EmployeeController, ImportController, EventsController],
    providers: [...JOBS, EmployeeAccess, UnitService, PositionService, EmployeeService, RegistrationLookup, ImportService, RepublishService],
  }),
};
