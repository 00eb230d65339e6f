import { PlatformModule, type ServiceDefinition } from '@app/service-kit';
import { Module, type DynamicModule } from '@nestjs/common';
import { EmployeeAccess } from './common/employee-access';
import { EmployeeController } from './employees/employee.controller';
import { EmployeeService } from './employees/employee.service';
import { RegistrationLookup } from './employees/registration-lookup';
import { EventsController } from './events/events.controller';
import { RepublishService } from './events/republish.service';
import { ImportController } from './imports/import.controller';
import { ImportJobEntity } from './imports/import-job.entity';
import { ImportService } from './imports/import.service';
import { SiapSchema1732780900000 } from './persistence/1732780900000-siap-schema';
import { ImportJobs1732781000000 } from './persistence/1732781000000-import-jobs';
import { SIAP_ENTITIES } from './persistence/entities';
import { PositionController } from './positions/position.controller';
import { PositionService } from './positions/position.service';
import { SiapConfig } from './siap.config';
import { UnitController } from './units/unit.controller';
import { UnitService } from './units/unit.service';

@Module({})
export class SiapModule {}

export const SIAP_SERVICE: ServiceDefinition<SiapConfig> = {
  name: 'siap',
  title: 'SIAP — personnel master data',
  description: 'The system of record for Sulteng ASN: units, positions, employees and their career history.',
  configClass: SiapConfig,
  // SIASN exports of the whole province are a few MiB; JSON bodies keep the 1 MiB default.
  textBodies: { types: ['text/csv'], limitBytes: 50 * 1024 * 1024 },
  rootModule: (config, logger): DynamicModule => ({
    module: SiapModule,
    imports: [PlatformModule.forRoot({ service: 'siap', config, logger, entities: [...SIAP_ENTITIES, ImportJobEntity], migrations: [SiapSchema1732780900000, ImportJobs1732781000000] })],
    controllers: [UnitController, PositionController, EmployeeController, ImportController, EventsController],
    providers: [EmployeeAccess, UnitService, PositionService, EmployeeService, RegistrationLookup, ImportService, RepublishService],
  }),
};
