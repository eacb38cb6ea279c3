import { Controller, Get, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  type HealthCheckResult,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
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
    @Optional() private readonly audit?: AuditReadiness,
  ) {}

  /** The process is up (for restarts); says nothing about dependencies. */
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Ready to take traffic: MySQL and Redis answer (503 with detail otherwise). */
  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    const audit = this.audit;
    return this.health.check([
      () => this.mysql.pingCheck('mysql', { timeout: 1000 }),
      () => this.redis.check('redis'),
      ...(audit ? [() => audit.check('audit')] : []),
    ]);
  }
}
