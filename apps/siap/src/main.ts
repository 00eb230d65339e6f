import { runService } from '@app/service-kit';
import { SIAP_SERVICE } from './siap.module';

void runService(SIAP_SERVICE);
