import { Injectable } from '@nestjs/common';

export type IpRejectionReason = 'not_listed' | 'list_unavailable';

/**
 * Counts /wx requests refused by the IP allow-list, per reason, for this instance. Kept as a
 * plain injectable so a /metrics exporter can read `snapshot()` without knowing the guard.
 */
@Injectable()
export class IpRejectionCounter {
  private readonly counts = new Map<IpRejectionReason, number>();

  increment(reason: IpRejectionReason): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
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
