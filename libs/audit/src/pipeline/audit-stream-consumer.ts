import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import { REDIS_CLIENT, type RedisClient } from '@app/core';
import { auditConfig, type AuditConfig } from '../audit.settings';
import { type AuditEvent, entryEvents } from '../audit-event';
import { AUDIT_CONSUMER_GROUP, AUDIT_STREAM_KEY, newConsumerName } from '../audit.constants';
import { AuditEventSink } from '../sinks/audit-event-sink';

const BLOCK_MS = 1000;
/** The dedicated connection's timeout: generous, so a busy event loop never fails a block. */
const BLOCKING_COMMAND_TIMEOUT_MS = 10_000;
const MAX_BACKOFF_MS = 5000;
const SHUTDOWN_GRACE_MS = 4000;

type StreamEntry = [id: string, fields: string[] | null];

export interface ConsumerStats {
  running: boolean;
  consumer: string;
  written: number;
  /** Entries taken over from idle (dead) consumers with XAUTOCLAIM. */
  reclaimed: number;
  /** Entries trimmed by MAXLEN before they were written: lost. Must stay 0; alert if not. */
  trimmedUnwritten: number;
  malformed: number;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastWriteAt: Date | null;
}

/**
 * Drains the audit stream into the sink as one consumer of a group shared by all instances.
 * Entries are XACKed only after the sink accepted them, so a crash or a sink outage leaves them
 * pending; a live consumer takes over entries idle longer than AUDIT_RECLAIM_IDLE_MS (XAUTOCLAIM).
 * Blocking reads run on a dedicated connection so they never queue behind claim-path commands.
 */
@Injectable()
export class AuditStreamConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditStreamConsumer.name);
  readonly consumer = newConsumerName();
  private conn: RedisClient | null = null;
  private running = false;
  private reading = false;
  private loop: Promise<void> | null = null;
  private readonly stats_: Omit<ConsumerStats, 'running' | 'consumer'> = {
    written: 0,
    reclaimed: 0,
    trimmedUnwritten: 0,
    malformed: 0,
    lastError: null,
    lastErrorAt: null,
    lastWriteAt: null,
  };

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(auditConfig.KEY) private readonly cfg: AuditConfig,
    private readonly sink: AuditEventSink,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.cfg.consumerEnabled) await this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.conn =
      this.redis instanceof Redis
        ? this.redis.duplicate({ commandTimeout: BLOCKING_COMMAND_TIMEOUT_MS })
        : this.redis.duplicate(); // cluster: BLOCK_MS stays below the shared 2 s timeout
    await ensureGroup(this.conn);
    this.running = true;
    this.loop = this.run();
  }

  /** Lets a write in progress finish and ack; a blocking read is cut short. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    // Standalone: cut a blocking read short. A Cluster client keeps a command pending across
    // disconnect(), so there we let the read run out (BLOCK_MS) instead.
    if (this.reading && this.conn instanceof Redis) this.conn.disconnect();
    // Never let shutdown hang on the loop: a write in progress gets a bounded grace period.
    await Promise.race([this.loop, sleep(BLOCK_MS + SHUTDOWN_GRACE_MS)]);
    await this.conn?.quit().catch(() => this.conn?.disconnect());
    this.conn = null;
  }

  stats(): ConsumerStats {
    return { running: this.running, consumer: this.consumer, ...this.stats_ };
  }

  private async run(): Promise<void> {
    // '0' = our own pending entries (left by a failed write); '>' = new entries.
    let readFrom = '0';
    let backoffMs = 0;
    let nextMaintenance = 0;
    const maintenanceEvery = Math.min(Math.max(this.cfg.reclaimIdleMs / 2, 100), 30_000);
    while (this.running) {
      try {
        if (Date.now() >= nextMaintenance) {
          await this.reclaimIdle();
          await this.trimWritten();
          nextMaintenance = Date.now() + maintenanceEvery;
        }
        const entries = await this.read(readFrom);
        if (entries.length > 0) await this.process(entries);
        else if (readFrom === '0') readFrom = '>';
        backoffMs = 0;
      } catch (err) {
        if (!this.running) break;
        // The stream (and its group) vanished, e.g. FLUSHDB: recreate and carry on.
        if (err instanceof Error && /NOGROUP|UNBLOCKED/.test(err.message)) {
          await ensureGroup(this.conn!).catch(() => sleep(100));
          continue;
        }
        this.noteError(err);
        readFrom = '0';
        backoffMs = Math.min(Math.max(backoffMs * 2, 100), MAX_BACKOFF_MS);
        await sleep(backoffMs);
      }
    }
  }

  private async read(from: string): Promise<StreamEntry[]> {
    this.reading = from === '>';
    try {
      const conn = this.conn!;
      const { batchSize } = this.cfg;
      const group = AUDIT_CONSUMER_GROUP;
      const reply = (
        from === '>'
          ? await conn.xreadgroup(
              'GROUP',
              group,
              this.consumer,
              'COUNT',
              batchSize,
              'BLOCK',
              BLOCK_MS,
              'STREAMS',
              AUDIT_STREAM_KEY,
              from,
            )
          : await conn.xreadgroup(
              'GROUP',
              group,
              this.consumer,
              'COUNT',
              batchSize,
              'STREAMS',
              AUDIT_STREAM_KEY,
              from,
            )
      ) as [string, StreamEntry[]][] | null;
      return reply?.[0]?.[1] ?? [];
    } finally {
      this.reading = false;
    }
  }

  /** Takes over entries a dead (or stuck) consumer read but never acked. */
  private async reclaimIdle(): Promise<void> {
    let cursor = '0-0';
    do {
      const [next, entries, deleted] = (await this.conn!.xautoclaim(
        AUDIT_STREAM_KEY,
        AUDIT_CONSUMER_GROUP,
        this.consumer,
        this.cfg.reclaimIdleMs,
        cursor,
        'COUNT',
        this.cfg.batchSize,
      )) as [string, StreamEntry[], string[]];
      this.noteTrimmed(deleted.length);
      if (entries.length > 0) {
        await this.process(entries);
        this.stats_.reclaimed += entries.length;
      }
      cursor = next;
    } while (cursor !== '0-0' && this.running);
  }

  /** Write, then ack: a crash in between only means a redelivery the sink ignores. */
  private async process(entries: StreamEntry[]): Promise<void> {
    const events: AuditEvent[] = [];
    let trimmed = 0;
    for (const [id, fields] of entries) {
      if (!fields) {
        trimmed += 1; // pending, but MAXLEN removed its body before it was written
        continue;
      }
      for (const event of entryEvents(fields)) {
        if (event) events.push(event);
        else {
          this.stats_.malformed += 1;
          this.logger.warn(`skipping malformed audit event in entry ${id}`);
        }
      }
    }
    if (events.length > 0) await this.sink.write(events);
    await this.conn!.xack(AUDIT_STREAM_KEY, AUDIT_CONSUMER_GROUP, ...entries.map(([id]) => id));
    this.noteTrimmed(trimmed);
    this.stats_.written += events.length;
    if (events.length > 0) this.stats_.lastWriteAt = new Date();
  }

  /**
   * Drops entries every consumer is done with (older than the oldest pending one), so in normal
   * operation the stream holds only the unwritten backlog and MAXLEN is the outage budget.
   */
  private async trimWritten(): Promise<void> {
    const [pending, oldestPending] = (await this.conn!.xpending(
      AUDIT_STREAM_KEY,
      AUDIT_CONSUMER_GROUP,
    )) as [number, string | null];
    const threshold = pending > 0 ? oldestPending : await this.lastDeliveredId();
    if (!threshold || threshold === '0-0') return;
    await this.conn!.xtrim(AUDIT_STREAM_KEY, 'MINID', '~', threshold);
  }

  private async lastDeliveredId(): Promise<string | null> {
    const groups = await readGroups(this.conn!);
    return (groups.get(AUDIT_CONSUMER_GROUP)?.['last-delivered-id'] as string | undefined) ?? null;
  }

  private noteTrimmed(n: number): void {
    if (n === 0) return;
    this.stats_.trimmedUnwritten += n;
    this.logger.error(
      `${n} audit events were trimmed from the stream before being written: AUDIT_STREAM_MAXLEN ` +
        'is smaller than the backlog built up while the sink was failing',
    );
  }

  private noteError(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    if (message !== this.stats_.lastError) this.logger.warn(`audit consumer: ${message}`);
    this.stats_.lastError = message;
    this.stats_.lastErrorAt = new Date();
  }
}

/** Creates the group at the stream's start (MKSTREAM) unless it exists already. */
export async function ensureGroup(redis: RedisClient): Promise<void> {
  try {
    await redis.xgroup('CREATE', AUDIT_STREAM_KEY, AUDIT_CONSUMER_GROUP, '0', 'MKSTREAM');
  } catch (err) {
    if (!(err instanceof Error) || !err.message.includes('BUSYGROUP')) throw err;
  }
}

/** XINFO GROUPS as name -> {field: value}. */
export async function readGroups(
  redis: RedisClient,
): Promise<Map<string, Record<string, unknown>>> {
  const raw = (await redis.xinfo('GROUPS', AUDIT_STREAM_KEY)) as unknown[][];
  const groups = new Map<string, Record<string, unknown>>();
  for (const flat of raw) {
    const info: Record<string, unknown> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) info[String(flat[i])] = flat[i + 1];
    groups.set(String(info.name), info);
  }
  return groups;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
