import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MetricsService } from '@app/core';
import { AuditPipelineStatus } from './audit-pipeline-status';

/** Publishes the audit backlog (undelivered + unacked entries) as wxcoupon_audit_stream_lag. */
@Injectable()
export class AuditMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly status: AuditPipelineStatus,
  ) {}

  onModuleInit(): void {
    this.metrics.onScrape(async () => {
      const s = await this.status.snapshot();
      this.metrics.auditLag.set((s.lag ?? 0) + (s.pending ?? 0));
    });
  }
}
