import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicWork } from '@app/core';
import { auditConfig, type AuditConfig } from '../audit.settings';
import { AuditEventSink } from './audit-event-sink';
import { MysqlAuditEventSink } from './mysql-audit-event.sink';

const PURGE_EVERY_SECONDS = 3600;

/**
 * Retention of the audit log. MongoDB expires entries itself (TTL index); the MySQL fallback table
 * is purged hourly by the instances that consume the stream, one at a time (DELETE ... LIMIT is
 * safe concurrently; taking turns only spares the database the repeats).
 */
@Injectable()
export class AuditEventRetention implements OnApplicationBootstrap {
  constructor(
    private readonly sink: AuditEventSink,
    private readonly periodic: PeriodicWork,
    @Inject(auditConfig.KEY) private readonly cfg: AuditConfig,
  ) {}

  onApplicationBootstrap(): void {
    const sink = this.sink;
    if (!(sink instanceof MysqlAuditEventSink) || !this.cfg.consumerEnabled) return;
    this.periodic.every('audit-event-purge', PURGE_EVERY_SECONDS, () => sink.purgeExpired(), {
      acrossInstances: 'one-at-a-time',
    });
  }
}
