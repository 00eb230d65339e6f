import { Public } from '@app/auth';
import { OutboxRelay } from '@app/messaging';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';

/** Above this many unpublished events (or this age), the service reports itself not ready. */
export const OUTBOX_READY_MAX_PENDING = 10_000;
export const OUTBOX_READY_MAX_AGE_MS = 60_000;

@Public()
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  /** The process is up; orchestrators restart it when this fails. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Database reachable, Kafka reachable (or nothing waiting for it) and the outbox not falling behind. */
  @Get('ready')
  @HealthCheck()
  async ready() {
    const result = await this.health.check([
      () => this.db.pingCheck('database', { timeout: 2000 }),
      async () => {
        const status = await this.relay.status();
        const kafka = this.indicators.check('kafka');
        // Down only once the relay has failed to publish: before its first send nothing is known to be wrong.
        return status.lastError === null ? kafka.up() : kafka.down({ lastError: status.lastError });
      },
      async () => {
        const status = await this.relay.status();
        const outbox = this.indicators.check('outbox');
        const details = { pending: status.pending, oldestPendingAgeMs: status.oldestPendingAgeMs, publishedTotal: status.publishedTotal };
        return status.pending <= OUTBOX_READY_MAX_PENDING && status.oldestPendingAgeMs <= OUTBOX_READY_MAX_AGE_MS ? outbox.up(details) : outbox.down(details);
      },
    ]);
    // Which checks passed, without their details: the figures are in /metrics and the logs.
    return { status: result.status, checks: Object.fromEntries(Object.entries(result.details).map(([name, check]) => [name, check.status])) };
  }
}
