// The public face of @app/audit. Named exports only; anything not listed here is internal.
export { AuditModule } from './audit.module';
export type { AuditEvent } from './audit-event';
export { AuditEventSink } from './sinks/audit-event-sink';
export type { OutcomeCount } from './sinks/audit-event-sink';
// The pipeline's parts, for tests and tools that drive it directly.
export { AUDIT_CONSUMER_GROUP, AUDIT_STREAM_KEY, INSTANCE_ID } from './audit.constants';
export { newEventId } from './event-id';
export { AuditPipelineStatus } from './pipeline/audit-pipeline-status';
export { AuditStreamConsumer, ensureGroup } from './pipeline/audit-stream-consumer';
export { StreamAuditRecorder } from './pipeline/stream-audit-recorder';
export { createAuditEventSink } from './sinks/audit-event-sink.provider';
export { MongoAuditEventSink } from './sinks/mongo-audit-event.sink';
export { MysqlAuditEventSink } from './sinks/mysql-audit-event.sink';
export { entryEvents } from './audit-event';
// Its settings, for tools and tests that build a sink outside Nest (the lib registers them).
export { auditConfig } from './audit.settings';
export type { AuditConfig } from './audit.settings';
