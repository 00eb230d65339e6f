import { PlatformModule, type ServiceDefinition } from '@app/service-kit';
import { Module, type DynamicModule } from '@nestjs/common';
import { AttendanceController } from './attendance/attendance.controller';
import { DayResolver } from './attendance/day-resolver';
import { CheckInController } from './check-ins/check-in.controller';
import { CheckInService } from './check-ins/check-in.service';
import { MachineLogImportService } from './check-ins/machine-log-import.service';
import { KmobAccess } from './common/kmob-access';
import { LocalClock } from './common/local-clock';
import { EmployeeProjection } from './employees/employee-projection';
import { FileController } from './files/file.controller';
import { KmobConfig } from './kmob.config';
import { LocationController } from './locations/location.controller';
import { MonthCloseService } from './months/month-close.service';
import { MonthController } from './months/month.controller';
import { KmobSchema1732783000000 } from './persistence/1732783000000-kmob-schema';
import { MonthCloseRuns1732783100000 } from './persistence/1732783100000-month-close-runs';
import { MonthCloseState1732783200000 } from './persistence/1732783200000-month-close-state';
import { RequestLimits1732783300000 } from './persistence/1732783300000-request-limits';
import { RecapController } from './recap/recap.controller';
import { RecapService } from './recap/recap.service';
import { LeaveBalances } from './requests/leave-balance';
import { RequestController } from './requests/request.controller';
import { RequestService } from './requests/request.service';
import { RuleStore } from './rules/rule-store';
import { RulesController } from './rules/rules.controller';

@Module({})
export class KmobModule {}

export const KMOB_SERVICE: ServiceDefinition<KmobConfig> = {
  name: 'kmob',
  title: 'K-Mob — attendance, requests and monthly discipline',
  description: 'Geofenced mobile check-in, machine-log import, field-duty and leave requests, and the monthly discipline summary that feeds TPP.',
  configClass: KmobConfig,
  // A check-in may carry a 2 MB selfie as base64 (about 2.7 MB of JSON).
  bodyLimitBytes: 4 * 1024 * 1024,
  textBodies: { types: ['text/csv'], limitBytes: 50 * 1024 * 1024 },
  rootModule: (config, logger): DynamicModule => ({
    module: KmobModule,
    imports: [PlatformModule.forRoot({ service: 'kmob', config, logger, entities: [], migrations: [KmobSchema1732783000000, MonthCloseRuns1732783100000, MonthCloseState1732783200000, RequestLimits1732783300000] })],
    controllers: [CheckInController, LocationController, RequestController, AttendanceController, MonthController, RecapController, RulesController, FileController],
    providers: [
      LocalClock,
      KmobAccess,
      EmployeeProjection,
      RuleStore,
      DayResolver,
      CheckInService,
      MachineLogImportService,
      LeaveBalances,
      RequestService,
      MonthCloseService,
      RecapService,
    ],
  }),
};
