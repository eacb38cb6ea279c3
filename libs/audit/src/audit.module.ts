import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { AuditReadiness, AuditRecorder } from '@app/core';
import { AuditHealthIndicator } from './pipeline/audit-health.indicator';
import { AuditMetrics } from './pipeline/audit-metrics';
import { AuditPipelineStatus } from './pipeline/audit-pipeline-status';
import { AuditStreamConsumer } from './pipeline/audit-stream-consumer';
import { StreamAuditRecorder } from './pipeline/stream-audit-recorder';
import { AuditEventSink } from './sinks/audit-event-sink';
import { auditEventSinkProvider } from './sinks/audit-event-sink.provider';
import { AuditEventRetention } from './sinks/audit-event-retention';
import { auditConfig } from './audit.settings';

/**
 * Audit trail: record() -> Redis Stream -> consumer group -> AuditEventSink (MongoDB or MySQL).
 * Global so any feature records through the AuditRecorder port from @app/core.
 */
@Global()
@Module({
  imports: [TerminusModule, ConfigModule.forFeature(auditConfig)],
  providers: [
    StreamAuditRecorder,
    { provide: AuditRecorder, useExisting: StreamAuditRecorder },
    auditEventSinkProvider,
    AuditEventRetention,
    AuditStreamConsumer,
    AuditPipelineStatus,
    AuditHealthIndicator,
    AuditMetrics,
    { provide: AuditReadiness, useExisting: AuditHealthIndicator },
  ],
  exports: [AuditRecorder, AuditEventSink, AuditPipelineStatus, AuditReadiness],
})
export class AuditModule {}
