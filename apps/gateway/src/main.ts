import { runService } from '@app/service-kit';
import { GATEWAY_SERVICE } from './gateway.module';

void runService(GATEWAY_SERVICE);
