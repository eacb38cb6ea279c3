import type { HealthIndicatorResult } from '@nestjs/terminus';

/**
 * Port for the audit pipeline's entry in /health/ready (core cannot import the audit lib).
 * Implementations report detail (sink, lag, pending, last error) without failing readiness:
 * a sink outage must not take instances out of rotation while events wait in the stream.
 */
export abstract class AuditReadiness {
  abstract check(key: string): Promise<HealthIndicatorResult>;
}
