import { runService } from '@app/service-kit';
import { KMOB_SERVICE } from './kmob.module';

void runService(KMOB_SERVICE);
