import { PlatformModule, type ServiceDefinition } from '@app/service-kit';
import { GATEWAY } from '../service';
import { Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './accounts/access.guard';
import { AccountDirectory } from './accounts/account-directory';
import { AuthController } from './accounts/auth.controller';
import { AuthService, GATEWAY_CONFIG } from './accounts/auth.service';
import { GatewayConfig } from './gateway.config';
import { AuditLog } from './audit/audit-log';
import { AuditController } from './audit/audit.controller';
import { GatewaySchema1732782000000 } from './persistence/1732782000000-gateway-schema';
import { Audit1732782100000 } from './persistence/1732782100000-audit';
import { SessionsAndThrottle1732782200000 } from './persistence/1732782200000-sessions-and-throttle';
import { LiveSessions } from './accounts/live-sessions';
import { wireGateway } from './proxy/wire-gateway';
import { servePortal } from './portal/portal-files';
import { GATEWAY_ENTITIES } from './persistence/entities';
import { AccountChanges } from './projection/account-changes';
import { ProjectionToReadModel1732789000000 } from './persistence/1732789000000-projection-to-read-model';
import { SiapReadModel1732790000000, SiapReadModelModule } from '@app/siap-read-model';

@Module({})
export class GatewayModule implements OnApplicationBootstrap {
  constructor(private readonly auth: AuthService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.auth.ensureFirstAdmin();
  }
}

export const GATEWAY_SERVICE: ServiceDefinition<GatewayConfig> = {
  descriptor: GATEWAY,
  configClass: GatewayConfig,
  routePrefix: 'api/v1',
  configure: async (app, config, logger) => {
    await wireGateway(app, config, logger);
    await servePortal(app.getHttpAdapter().getInstance(), config.PORTAL_DIR, logger);
  },
  rootModule: (config, logger): DynamicModule => ({
    module: GatewayModule,
    imports: [
      PlatformModule.forRoot({
        service: 'gateway',
        config,
        logger,
        entities: GATEWAY_ENTITIES,
        migrations: [
          GatewaySchema1732782000000,
          Audit1732782100000,
          SessionsAndThrottle1732782200000,
          ProjectionToReadModel1732789000000,
          SiapReadModel1732790000000,
        ],
        requireGatewayIdentity: false,
      }),
      SiapReadModelModule.forFeature({ consumer: 'gateway-employees', hooks: AccountChanges }),
    ],
    controllers: [AuthController, AuditController],
    providers: [
      { provide: GATEWAY_CONFIG, useValue: config },
      LiveSessions,
      AuthService,
      AccountDirectory,
      AccountChanges,
      AuditLog,
      { provide: APP_GUARD, useClass: AccessGuard },
    ],
  }),
};
