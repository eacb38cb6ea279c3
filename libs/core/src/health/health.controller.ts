import { Controller, Get, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  type HealthCheckResult,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { InFlightWork } from '../lifecycle/in-flight-work';
import { Public } from '../auth/public.decorator';
import { AuditReadiness } from './audit-readiness';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly mysql: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    @Optional() private readonly audit?: AuditReadiness,
    @Optional() private readonly inFlight?: InFlightWork,
  ) {}

  /** The process is up (for restarts); says nothing about dependencies. */
  @Get('live')
  @HealthCheck()
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness: the process answers' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Ready to take traffic: not shutting down, MySQL and Redis answer (503 with detail
   * otherwise), so a load balancer stops sending work to an instance that is draining. */
  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Readiness: MySQL, Redis and the audit pipeline answer, not shutting down (else 503)',
  })
  ready(): Promise<HealthCheckResult> {
    const audit = this.audit;
    return this.health.check([
      () => this.lifecycle(),
      () => this.mysql.pingCheck('mysql', { timeout: 1000 }),
      () => this.redis.check('redis'),
      ...(audit ? [() => audit.check('audit')] : []),
    ]);
  }

  private lifecycle() {
    const session = this.indicator.check('lifecycle');
    return this.inFlight?.draining
      ? session.down({ message: 'shutting down', inFlight: this.inFlight.size })
      : session.up({ inFlight: this.inFlight?.size ?? 0 });
  }
}
