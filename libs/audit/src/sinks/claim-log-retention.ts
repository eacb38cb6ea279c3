import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicWork } from '@app/core';
import { auditConfig, type AuditConfig } from '../audit.settings';
import { ClaimLogSink } from './claim-log-sink';
import { MysqlClaimLogSink } from './mysql-claim-log.sink';

const PURGE_EVERY_SECONDS = 3600;

/**
 * Retention of the audit log. MongoDB expires entries itself (TTL index); the MySQL fallback table
 * is purged hourly by the instances that consume the stream, one at a time (DELETE ... LIMIT is
 * safe concurrently; taking turns only spares the database the repeats).
 */
@Injectable()
export class ClaimLogRetention implements OnApplicationBootstrap {
  constructor(
    private readonly sink: ClaimLogSink,
    private readonly periodic: PeriodicWork,
    @Inject(auditConfig.KEY) private readonly cfg: AuditConfig,
  ) {}

  onApplicationBootstrap(): void {
    const sink = this.sink;
    if (!(sink instanceof MysqlClaimLogSink) || !this.cfg.consumerEnabled) return;
    this.periodic.every('claim-log-purge', PURGE_EVERY_SECONDS, () => sink.purgeExpired(), {
      acrossInstances: 'one-at-a-time',
    });
  }
}
