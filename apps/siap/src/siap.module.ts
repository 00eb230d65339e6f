import { PlatformModule, type ServiceDefinition } from '@app/service-kit';
import { Module, type DynamicModule } from '@nestjs/common';
import { EmployeeController } from './employees/employee.controller';
import { EmployeeService } from './employees/employee.service';
import { EventsController } from './events/events.controller';
import { RepublishService } from './events/republish.service';
import { SiapSchema1732780900000 } from './persistence/1732780900000-siap-schema';
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
  bodyLimitBytes: 50 * 1024 * 1024,
  rootModule: (config, logger): DynamicModule => ({
    module: SiapModule,
    imports: [PlatformModule.forRoot({ service: 'siap', config, logger, entities: SIAP_ENTITIES, migrations: [SiapSchema1732780900000] })],
    controllers: [UnitController, PositionController, EmployeeController, EventsController],
    providers: [UnitService, PositionService, EmployeeService, RepublishService],
  }),
};
