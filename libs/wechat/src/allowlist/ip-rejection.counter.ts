import { Injectable } from '@nestjs/common';
import { MetricsService } from '@app/core';

export type IpRejectionReason = 'not_listed' | 'list_unavailable';

/**
 * Counts /wx requests refused by the IP allow-list, per reason: exported at /metrics
 * (wxcoupon_rejected_requests_total{reason="ip_..."}) and readable per instance via snapshot().
 */
@Injectable()
export class IpRejectionCounter {
  private readonly counts = new Map<IpRejectionReason, number>();

  constructor(private readonly metrics: MetricsService) {}

  increment(reason: IpRejectionReason): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    this.metrics.rejected.inc({ reason: `ip_${reason}` });
  }

  snapshot(): Record<IpRejectionReason, number> {
    return {
      not_listed: this.counts.get('not_listed') ?? 0,
      list_unavailable: this.counts.get('list_unavailable') ?? 0,
    };
  }

  get total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
}
