import { BaseServiceConfig } from '@app/service-kit';

export class SiapConfig extends BaseServiceConfig {}
