import { runService } from '@app/service-kit';
import { TRK_SERVICE } from './trk.module';

void runService(TRK_SERVICE);
