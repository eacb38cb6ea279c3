import { BeforeApplicationShutdown, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  type AuditEventInput,
  AuditRecorder,
  DRAIN_TIMEOUT_MS,
  InFlightWork,
  randomBytesPooled,
  REDIS_CLIENT,
  type RedisClient,
} from '@app/core';
import { auditConfig, type AuditConfig } from '../audit.settings';
import { encodeEvent, STREAM_BATCH_FIELD } from '../audit-event';
import { AUDIT_STREAM_KEY, INSTANCE_ID } from '../audit.constants';
import { newEventId } from '../event-id';

/** Events wait at most this long in process before one XADD appends them all. */
const FLUSH_DELAY_MS = 2;
const MAX_BATCH = 256;
/** While Redis is unreachable, keep this many events in memory for a retry, then drop (counted). */
const MAX_BUFFERED = 10_000;

export interface RecorderStats {
  enabled: boolean;
  appended: number;
  buffered: number;
  /** Events given up on because Redis stayed unreachable and the buffer was full. */
  dropped: number;
  lastError: string | null;
}

/**
 * AuditRecorder on a Redis Stream. record() only stamps the event and buffers it (never throws,
 * never awaits); a timer flushes the buffer as ONE XADD (JSON lines) capped by MAXLEN ~. The event id is
 * fixed before the first XADD, so an append retried after a lost reply is deduplicated by the sink.
 */
@Injectable()
export class StreamAuditRecorder extends AuditRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger(StreamAuditRecorder.name);
  private buffer: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly appending = new Set<Promise<void>>();
  private appended = 0;
  private dropped = 0;
  private lastError: string | null = null;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(auditConfig.KEY) private readonly cfg: AuditConfig,
    @Optional() private readonly claims?: InFlightWork,
  ) {
    super();
  }

  record(input: AuditEventInput): void {
    if (!this.cfg.enabled) return;
    try {
      this.buffer.push(
        encodeEvent({
          eventId: newEventId(Date.now(), randomBytesPooled(16)),
          kind: input.kind,
          outcome: input.outcome,
          templateId: input.templateId ?? null,
          openid: input.openid ?? null,
          couponCode: input.couponCode ?? null,
          requestKey: input.requestKey ?? null,
          channel: input.channel ?? null,
          latencyMs: input.latencyMs ?? null,
          instance: INSTANCE_ID,
          occurredAt: new Date(),
          detail: input.detail ?? null,
        }),
      );
      if (this.buffer.length >= MAX_BATCH) this.flushSoon(0);
      else this.flushSoon(FLUSH_DELAY_MS);
    } catch (err) {
      this.dropped += 1;
      this.noteError(err);
    }
  }

  /** Appends everything buffered so far; resolves when those appends are settled. */
  async flush(): Promise<void> {
    this.clearTimer();
    if (this.buffer.length > 0) {
      const batch = this.buffer;
      this.buffer = [];
      const done = this.append(batch);
      this.appending.add(done);
      void done.finally(() => this.appending.delete(done));
    }
    await Promise.all([...this.appending]);
  }

  stats(): RecorderStats {
    return {
      enabled: this.cfg.enabled,
      appended: this.appended,
      buffered: this.buffer.length,
      dropped: this.dropped,
      lastError: this.lastError,
    };
  }

  /**
   * Runs before RedisModule closes the shared client. Claims still draining record their events
   * after this hook starts, so keep flushing until they are done (bounded by the drain timeout).
   */
  async beforeApplicationShutdown(): Promise<void> {
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    do {
      await this.flush();
      if (!this.claims?.size) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    } while (Date.now() < deadline);
    if (this.buffer.length > 0) await this.flush(); // one retry for a batch that failed just now
    this.clearTimer();
  }

  private async append(batch: string[]): Promise<void> {
    const maxLen = this.cfg.streamMaxLen;
    try {
      await this.redis.xadd(
        AUDIT_STREAM_KEY,
        'MAXLEN',
        '~',
        maxLen,
        '*',
        STREAM_BATCH_FIELD,
        batch.join('\n'),
      );
      this.appended += batch.length;
    } catch (err) {
      this.retryLater(batch, err);
    }
  }

  private retryLater(batch: string[], err: unknown): void {
    this.noteError(err);
    const room = Math.max(0, MAX_BUFFERED - this.buffer.length);
    this.dropped += Math.max(0, batch.length - room);
    this.buffer = [...batch.slice(0, room), ...this.buffer];
    if (this.buffer.length > 0) this.flushSoon(250);
  }

  private flushSoon(delayMs: number): void {
    if (this.timer && delayMs > 0) return;
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), delayMs);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private noteError(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    if (message !== this.lastError) this.logger.warn(`audit append failed: ${message}`);
    this.lastError = message;
  }
}
