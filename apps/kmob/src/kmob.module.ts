import { PlatformModule, type ServiceDefinition } from '@app/service-kit';
import { KMOB } from '../service';
import { Module, type DynamicModule } from '@nestjs/common';
import { AttendanceController } from './attendance/attendance.controller';
import { DayResolver } from './attendance/day-resolver';
import { TodayController } from './attendance/today.controller';
import { AttendanceToday } from './attendance/today.service';
import { TodayStore } from './attendance/today.store';
import { CheckInController } from './check-ins/check-in.controller';
import { CheckInRecords } from './check-ins/check-in-records';
import { OfflineWindow } from './check-ins/offline-window';
import { CheckInService } from './check-ins/check-in.service';
import { MachineLogImportJob } from './check-ins/machine-log-import.job';
import { KmobAccess } from './common/kmob-access';
import { LocalClock } from './common/local-clock';
import { EmployeeChanges } from './employees/employee-changes';
import { SiapReadModel1732790000000, SiapReadModelModule } from '@app/siap-read-model';
import { FileController } from './files/file.controller';
import { KmobConfig } from './kmob.config';
import { LocationController } from './locations/location.controller';
import { LocationStore } from './locations/location.store';
import { StoredFiles } from './files/stored-files';
import { MonthCloseJob } from './months/month-close.job';
import { MonthCloseService } from './months/month-close.service';
import { MonthController } from './months/month.controller';
import { KmobSchema1732783000000 } from './persistence/1732783000000-kmob-schema';
import { MonthCloseRuns1732783100000 } from './persistence/1732783100000-month-close-runs';
import { MonthCloseState1732783200000 } from './persistence/1732783200000-month-close-state';
import { RequestLimits1732783300000 } from './persistence/1732783300000-request-limits';
import { JobsInJobTables1732783400000 } from './persistence/1732783400000-jobs-in-job-tables';
import { FilesOutsideTheDatabase1732783500000 } from './persistence/1732783500000-files-outside-the-database';
import { OfflineCheckIns1732790100000 } from './persistence/1732790100000-offline-check-ins';
import { MonthsClosedWithoutSuccess1732790200000 } from './persistence/1732790200000-months-closed-without-success';
import { HolidaysAnnounced1732790300000 } from './persistence/1732790300000-holidays-announced';
import { RecapController } from './recap/recap.controller';
import { RecapService } from './recap/recap.service';
import { LeaveBalances } from './requests/leave-balance';
import { RequestController } from './requests/request.controller';
import { RequestService } from './requests/request.service';
import { RuleStore } from './rules/rule-store';
import { RulesController } from './rules/rules.controller';

/** Durable jobs: registered with the platform by kind, provided here with their dependencies. */
const JOBS = [MachineLogImportJob, MonthCloseJob];

@Module({})
export class KmobModule {}

export const KMOB_SERVICE: ServiceDefinition<KmobConfig> = {
  descriptor: KMOB,
  configClass: KmobConfig,
  rootModule: (config, logger): DynamicModule => ({
    module: KmobModule,
    imports: [
      PlatformModule.forRoot({
        service: 'kmob',
        config,
        logger,
        entities: [],
        migrations: [
          KmobSchema1732783000000,
          MonthCloseRuns1732783100000,
          MonthCloseState1732783200000,
          RequestLimits1732783300000,
          JobsInJobTables1732783400000,
          FilesOutsideTheDatabase1732783500000,
          SiapReadModel1732790000000,
          OfflineCheckIns1732790100000,
          MonthsClosedWithoutSuccess1732790200000,
          HolidaysAnnounced1732790300000,
        ],
        jobs: JOBS,
        storesFiles: KMOB.storesFiles,
      }),
      SiapReadModelModule.forFeature({
        consumer: 'kmob-employees',
        partitionsConcurrently: 4,
        hooks: EmployeeChanges,
        // An event without a decree takes effect on the province's local day it happened.
        today: (instant) => new Date(instant.getTime() + config.UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10),
      }),
    ],
    controllers: [
      CheckInController,
      LocationController,
      RequestController,
      AttendanceController,
      TodayController,
      MonthController,
      RecapController,
      RulesController,
      FileController,
    ],
    providers: [
      ...JOBS,
      LocalClock,
      LocationStore,
      StoredFiles,
      KmobAccess,
      EmployeeChanges,
      RuleStore,
      DayResolver,
      CheckInService,
      CheckInRecords,
      OfflineWindow,
      TodayStore,
      AttendanceToday,
      LeaveBalances,
      RequestService,
      MonthCloseService,
      RecapService,
    ],
  }),
};
