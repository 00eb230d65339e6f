import { PlatformModule, type ServiceDefinition } from '@app/service-kit';
import { SiapReadModel1732790000000, SiapReadModelModule } from '@app/siap-read-model';
import { Module, type DynamicModule } from '@nestjs/common';
import { TRK } from '../service';
import { ActivityController } from './activities/activity.controller';
import { ActivityEntryService } from './activities/activity-entry.service';
import { ActivityQueries } from './activities/activity-queries.service';
import { ActivityVerificationService } from './activities/activity-verification.service';
import { ActivityStore } from './activities/activity.store';
import { EntryDaysController } from './activities/entry-days.controller';
import { EntryDaysService } from './activities/entry-days.service';
import { EntryDaysStore } from './activities/entry-days.store';
import { BackdatingWindowController } from './backdating/backdating-window.controller';
import { BackdatingWindows } from './backdating/backdating-window.service';
import { BackdatingWindowStore } from './backdating/backdating-window.store';
import { KmobCalendarProjection } from './calendar/kmob-calendar.projection';
import { CatalogueController } from './catalogue/catalogue.controller';
import { CatalogueService } from './catalogue/catalogue.service';
import { CatalogueStore } from './catalogue/catalogue.store';
import { Clock, LocalClock, SystemClock } from './common/clock';
import { TrkAccess } from './common/trk-access';
import { KmobMonthProjection } from './discipline/kmob-month.projection';
import { KmobRequestProjection } from './discipline/kmob-request.projection';
import { StoredFiles } from './files/stored-files';
import { MonthCloseJob } from './months/month-close.job';
import { MonthCloseService } from './months/month-close.service';
import { MonthController } from './months/month.controller';
import { ScoreCorrections } from './months/score-corrections';
import { ScorePublisher } from './months/score-publisher';
import { TrkSchema1732791000000 } from './persistence/1732791000000-trk-schema';
import { TrkPerformance1732791100000 } from './persistence/1732791100000-trk-performance';
import { TrkKmobRequests1732791200000 } from './persistence/1732791200000-trk-kmob-requests';
import { RuleStore } from './rules/rule-store';
import { RulesController } from './rules/rules.controller';
import { MonthScores } from './scores/month-scores';
import { ScoreFactsStore } from './scores/score-facts.store';
import { ScoreQueries } from './scores/score-queries.service';
import { ScoreController } from './scores/score.controller';
import { SkpRatingService } from './skp/skp-rating.service';
import { SkpUnitService } from './skp/skp-unit.service';
import { SkpController } from './skp/skp.controller';
import { SkpStore } from './skp/skp.store';
import { TargetController } from './targets/target.controller';
import { TargetService } from './targets/target.service';
import { TargetStore } from './targets/target.store';
import { TrkConfig } from './trk.config';

/** Durable jobs: registered with the platform by kind, provided here with their dependencies. */
const JOBS = [MonthCloseJob];

@Module({})
export class TrkModule {}

export const TRK_SERVICE: ServiceDefinition<TrkConfig> = {
  descriptor: TRK,
  configClass: TrkConfig,
  rootModule: (config, logger): DynamicModule => ({
    module: TrkModule,
    imports: [
      PlatformModule.forRoot({
        service: 'trk',
        config,
        logger,
        entities: [],
        migrations: [SiapReadModel1732790000000, TrkSchema1732791000000, TrkPerformance1732791100000, TrkKmobRequests1732791200000],
        // The catalogue import is applied at once; the month close is a job.
        jobs: JOBS,
        storesFiles: TRK.storesFiles,
      }),
      SiapReadModelModule.forFeature({
        consumer: 'trk-employees',
        partitionsConcurrently: 4,
        // An event without a decree takes effect on the province's local day it happened.
        today: (instant) => new Date(instant.getTime() + config.UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10),
      }),
    ],
    controllers: [
      ActivityController,
      EntryDaysController,
      CatalogueController,
      BackdatingWindowController,
      RulesController,
      TargetController,
      ScoreController,
      MonthController,
      SkpController,
    ],
    providers: [
      ...JOBS,
      { provide: Clock, useClass: SystemClock },
      LocalClock,
      TrkAccess,
      RuleStore,
      StoredFiles,
      CatalogueStore,
      CatalogueService,
      BackdatingWindowStore,
      BackdatingWindows,
      ActivityStore,
      ActivityEntryService,
      ActivityVerificationService,
      ActivityQueries,
      EntryDaysStore,
      EntryDaysService,
      TargetStore,
      TargetService,
      ScoreFactsStore,
      MonthScores,
      ScoreQueries,
      ScorePublisher,
      ScoreCorrections,
      MonthCloseService,
      KmobMonthProjection,
      KmobRequestProjection,
      KmobCalendarProjection,
      SkpStore,
      SkpRatingService,
      SkpUnitService,
    ],
  }),
};
