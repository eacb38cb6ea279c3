import { Injectable } from '@nestjs/common';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { inClusterWorker, joinClusterMetrics, requestClusterMetrics } from './cluster-metrics';

const FAST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * Every series the service exposes at /metrics, on a registry of its own (no global state, so
 * several apps in one test process do not collide). Features import this and record.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly claims = new Counter({
    name: 'wxcoupon_claims_total',
    help: 'Claim attempts by template and outcome',
    labelNames: ['template_id', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly luaDuration = new Histogram({
    name: 'wxcoupon_redis_lua_duration_seconds',
    help: 'Time of one claim Lua script round trip',
    labelNames: ['script'] as const,
    buckets: FAST_BUCKETS,
    registers: [this.registry],
  });

  readonly mysqlDuration = new Histogram({
    name: 'wxcoupon_mysql_query_duration_seconds',
    help: 'Time of claim-path MySQL statements',
    labelNames: ['op'] as const,
    buckets: FAST_BUCKETS,
    registers: [this.registry],
  });

  readonly rejected = new Counter({
    name: 'wxcoupon_rejected_requests_total',
    help: 'Requests refused before any work, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly tokenRefreshes = new Counter({
    name: 'wxcoupon_wechat_token_refresh_total',
    help: 'access_token fetches from the WeChat platform, by result',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  // The scrape hooks run whenever this gauge is collected: in the scraped process, and in every
  // worker when the cluster primary collects. All workers read the same stream: max, not sum.
  readonly auditLag = new Gauge({
    name: 'wxcoupon_audit_stream_lag',
    help: 'Audit events appended but not yet written to the sink',
    registers: [this.registry],
    aggregator: 'max',
    collect: () => this.runScrapeHooks(),
  });

  private readonly scrapeHooks: (() => Promise<void>)[] = [];

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    if (inClusterWorker()) joinClusterMetrics(this.registry);
  }

  /** For values that live elsewhere (e.g. Redis stream lag): read fresh on every scrape. */
  onScrape(hook: () => Promise<void>): void {
    this.scrapeHooks.push(hook);
  }

  /** Prometheus text format, cluster-wide under WEB_CONCURRENCY > 1. */
  render(): Promise<string> {
    return inClusterWorker() ? requestClusterMetrics() : this.registry.metrics();
  }

  /** A failing hook leaves its series at the last value. */
  private async runScrapeHooks(): Promise<void> {
    await Promise.allSettled(this.scrapeHooks.map((hook) => hook()));
  }
}
