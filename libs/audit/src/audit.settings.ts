import { Matches } from 'class-validator';
import { BoolSetting, IntSetting, OptionalSetting, defineSettings } from '@app/core';

/**
 * The audit log's settings: the stream, its consumer and the sink (MongoDB or MySQL). Validated
 * with every other lib's at boot.
 */
export class AuditSettings {
  @OptionalSetting()
  @Matches(/^mongodb(\+srv)?:\/\/.+/, { message: 'MONGODB_URI must be a mongodb:// URI' })
  MONGODB_URI?: string;

  /** false turns AuditRecorder.record() into a no-op (to measure what auditing costs a claim). */
  @BoolSetting()
  AUDIT_ENABLED = true;

  /** false: this instance only appends to the audit stream; other instances write the sink. */
  @BoolSetting()
  AUDIT_CONSUMER_ENABLED = true;

  @IntSetting(1, 3650)
  AUDIT_RETENTION_DAYS = 180;

  /** Approximate cap of the audit stream: the unwritten backlog a sink outage may build up. */
  @IntSetting(1000, 100_000_000)
  AUDIT_STREAM_MAXLEN = 1_000_000;

  /** Events per XREADGROUP / sink write. */
  @IntSetting(1, 5000)
  AUDIT_BATCH_SIZE = 500;

  /** A consumer's unacked entries older than this are taken over (XAUTOCLAIM) by another. */
  @IntSetting(100, 3_600_000)
  AUDIT_RECLAIM_IDLE_MS = 60_000;
}

export const auditConfig = defineSettings('audit', AuditSettings, (s) => ({
  mongodbUri: s.MONGODB_URI,
  enabled: s.AUDIT_ENABLED,
  consumerEnabled: s.AUDIT_CONSUMER_ENABLED,
  retentionDays: s.AUDIT_RETENTION_DAYS,
  streamMaxLen: s.AUDIT_STREAM_MAXLEN,
  batchSize: s.AUDIT_BATCH_SIZE,
  reclaimIdleMs: s.AUDIT_RECLAIM_IDLE_MS,
}));

export type AuditConfig = ReturnType<typeof auditConfig>;
