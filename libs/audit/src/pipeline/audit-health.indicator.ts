import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { AuditReadiness } from '@app/core';
import { AuditPipelineStatus } from './audit-pipeline-status';

/**
 * `audit` entry of /health/ready. Always "up": claims must keep flowing while the sink is down
 * (events wait in the stream). Alert on `lag`, `pending`, `backlogRatio` and `lastError` instead.
 */
@Injectable()
export class AuditHealthIndicator extends AuditReadiness {
  constructor(
    private readonly status: AuditPipelineStatus,
    private readonly indicator: HealthIndicatorService,
  ) {
    super();
  }

  async check(key: string): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    try {
      const s = await this.status.snapshot();
      return session.up({
        sink: s.sink,
        streamLength: s.streamLength,
        pending: s.pending,
        lag: s.lag,
        backlogRatio: s.backlogRatio,
        consumer: s.consumer.running ? s.consumer.consumer : null,
        lastError: s.lastError,
      });
    } catch (err) {
      return session.up({ statusUnavailable: err instanceof Error ? err.message : String(err) });
    }
  }
}
