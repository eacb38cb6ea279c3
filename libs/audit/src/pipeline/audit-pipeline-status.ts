import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT, type RedisClient } from '@app/core';
import { auditConfig, type AuditConfig } from '../audit.settings';
import { AUDIT_CONSUMER_GROUP, AUDIT_STREAM_KEY } from '../audit.constants';
import { AuditEventSink } from '../sinks/audit-event-sink';
import { AuditStreamConsumer, type ConsumerStats, readGroups } from './audit-stream-consumer';
import { type RecorderStats, StreamAuditRecorder } from './stream-audit-recorder';

export interface AuditPipelineSnapshot {
  sink: AuditEventSink['name'];
  /** Entries in the stream (unwritten backlog + not yet trimmed written ones). */
  streamLength: number | null;
  streamMaxLen: number;
  /** Delivered to a consumer of the group but not yet acked (being written, or stuck). */
  pending: number | null;
  /** Entries never delivered to the group (Redis 7 XINFO GROUPS `lag`; null if unknown). */
  lag: number | null;
  /** (lag + pending) / MAXLEN: at 1 the oldest unwritten events start being trimmed. */
  backlogRatio: number | null;
  recorder: RecorderStats;
  consumer: ConsumerStats & { enabled: boolean };
  /** Last failure anywhere in the pipeline (append, read, sink write), or null. */
  lastError: string | null;
}

/** Read-only view of the audit pipeline for readiness detail and metrics (lag, backpressure). */
@Injectable()
export class AuditPipelineStatus {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(auditConfig.KEY) private readonly cfg: AuditConfig,
    private readonly sink: AuditEventSink,
    private readonly recorder: StreamAuditRecorder,
    private readonly consumer: AuditStreamConsumer,
  ) {}

  async snapshot(): Promise<AuditPipelineSnapshot> {
    const [streamLength, group] = await Promise.all([
      this.redis.xlen(AUDIT_STREAM_KEY),
      readGroups(this.redis)
        .then((groups) => groups.get(AUDIT_CONSUMER_GROUP))
        .catch(() => undefined), // no stream yet
    ]);
    const pending = group ? Number(group.pending) : null;
    const lag = group && typeof group.lag === 'number' ? group.lag : null;
    const recorder = this.recorder.stats();
    const consumer = { ...this.consumer.stats(), enabled: this.cfg.consumerEnabled };
    return {
      sink: this.sink.name,
      streamLength,
      streamMaxLen: this.cfg.streamMaxLen,
      pending,
      lag,
      backlogRatio:
        pending === null || lag === null ? null : (pending + lag) / this.cfg.streamMaxLen,
      recorder,
      consumer,
      lastError: consumer.lastError ?? recorder.lastError,
    };
  }
}
