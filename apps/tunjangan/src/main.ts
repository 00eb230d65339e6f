import { runService } from '@app/service-kit';
import { TUNJANGAN_SERVICE } from './tunjangan.module';

void runService(TUNJANGAN_SERVICE);
