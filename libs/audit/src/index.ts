// The public face of @app/audit. Named exports only; anything not listed here is internal.
export { AuditModule } from './audit.module';
export { decodeEvent } from './audit-event';
export type { AuditEvent } from './audit-event';
export { ClaimLogSink } from './sinks/claim-log-sink';
export type { OutcomeCount } from './sinks/claim-log-sink';
// The pipeline's parts, for tests and tools that drive it directly.
export { AUDIT_CONSUMER_GROUP, AUDIT_STREAM_KEY, INSTANCE_ID } from './audit.constants';
export { newEventId } from './event-id';
export { AuditPipelineStatus } from './pipeline/audit-pipeline-status';
export { AuditStreamConsumer, ensureGroup } from './pipeline/audit-stream-consumer';
export { StreamAuditRecorder } from './pipeline/stream-audit-recorder';
export { createClaimLogSink } from './sinks/claim-log-sink.provider';
export { MongoClaimLogSink } from './sinks/mongo-claim-log.sink';
export { MysqlClaimLogSink } from './sinks/mysql-claim-log.sink';
export { entryEvents } from './audit-event';
// Settings this lib owns (validated with every lib's at boot).
export { auditConfig, AuditSettings } from './audit.settings';
export type { AuditConfig } from './audit.settings';
