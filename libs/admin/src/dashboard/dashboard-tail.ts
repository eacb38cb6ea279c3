import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AUDIT_STREAM_KEY, entryEvents, type AuditEvent } from '@app/audit';
import { REDIS_CLIENT, type RedisClient } from '@app/core';
import { DashboardCounters } from './dashboard-counters';

/** How long one XREAD waits for new entries; also how soon a stop is noticed. */
const BLOCK_MS = 1000;
const BATCH = 500;

/**
 * ONE loop per instance tails the audit stream (XREAD from the last id, no consumer group: it
 * reads, never acks, so the audit sinks are untouched) and folds each entry into the shared Redis
 * counters exactly once per cluster. Listeners (the open dashboards of this instance) hear that
 * something moved. The claim path pays nothing: its events are already in the stream.
 */
@Injectable()
export class DashboardTail implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DashboardTail.name);
  /** Reads for snapshots, on the shared client (only while someone watches). */
  readonly counters: DashboardCounters;
  private reader: RedisClient | null = null;
  /** Counting happens on the tail's own connection, never queued behind or before claims. */
  private writer: DashboardCounters | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient) {
    this.counters = new DashboardCounters(redis);
  }

  onApplicationBootstrap(): void {
    // A blocking XREAD needs its own connection: the shared one serves claims.
    this.reader = this.redis.duplicate();
    this.reader.on('error', () => undefined); // reconnects on its own; errors surface in run()
    this.writer = new DashboardCounters(this.reader);
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.reader?.disconnect();
    await this.loop;
  }

  /** Called after every batch of stream entries this instance read (counted here or not). */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private async run(): Promise<void> {
    let last: string | null = null;
    while (this.running) {
      try {
        const from: string = last ?? (await this.startId());
        last = from;
        const reply = await this.reader!.xread(
          'COUNT',
          BATCH,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          AUDIT_STREAM_KEY,
          from,
        );
        const entries = reply?.[0]?.[1] ?? [];
        if (entries.length === 0) continue;
        await Promise.all(
          entries.map(([id, fields]) =>
            this.writer!.apply(
              id,
              entryEvents(fields).filter((e): e is AuditEvent => e !== null),
            ),
          ),
        );
        // Only past entries that were applied: a failed batch is read (and applied) again.
        last = entries[entries.length - 1][0];
        for (const fn of this.listeners) fn();
      } catch (err) {
        if (!this.running) break;
        this.logger.warn(`dashboard tail: ${err instanceof Error ? err.message : String(err)}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  /**
   * Resume where the cluster left off: entries written while no instance ran are counted then.
   * With no cursor yet (a new deployment), start after the stream's newest entry and make that
   * the shared cursor, so no instance starts beyond an entry nobody counted. Never '$': a
   * blocking read from '$' misses whatever was written between two reads.
   */
  private async startId(): Promise<string> {
    const cursor = await this.writer!.cursor();
    if (cursor) return cursor;
    const [newest] = await this.reader!.xrevrange(AUDIT_STREAM_KEY, '+', '-', 'COUNT', 1);
    return this.writer!.initCursor(newest?.[0] ?? '0-0');
  }
}
