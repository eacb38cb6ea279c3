import { Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { RedisLock } from '../redis/redis-lock';

export interface PeriodicOptions {
  /** One instance at a time (a Redis lock per job), for work that every instance would only
   * repeat. Jobs must still be safe to run concurrently: a run that outlives the lock is not cut. */
  acrossInstances?: 'one-at-a-time';
}

/** Shortest lock: a crashed holder blocks the job this long at most. */
const MIN_LOCK_MS = 30_000;

/**
 * The one way to run periodic work: an interval in @nestjs/schedule's registry (which clears it
 * before shutdown), never overlapping itself in this process, failures logged and retried on the
 * next tick, and optionally one instance at a time across the deployment.
 */
@Injectable()
export class PeriodicWork {
  private readonly logger = new Logger(PeriodicWork.name);

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly locks: RedisLock,
  ) {}

  /** Runs `work` every `seconds` (0 = never). Call it once per job, e.g. on bootstrap. */
  every(
    name: string,
    seconds: number,
    work: () => Promise<unknown>,
    opts: PeriodicOptions = {},
  ): void {
    if (seconds <= 0) return;
    const everyMs = seconds * 1000;
    const lockKey = `wxc:job:${name}`;
    const lockMs = Math.max(MIN_LOCK_MS, everyMs);
    let running = false;
    const tick = async (): Promise<void> => {
      if (running) return;
      running = true;
      try {
        if (opts.acrossInstances === 'one-at-a-time')
          await this.inTurn(name, lockKey, lockMs, work);
        else await work();
      } catch (err) {
        this.logger.error(`${name} failed: ${String(err)}`);
      } finally {
        running = false;
      }
    };
    const timer = setInterval(() => void tick(), everyMs);
    timer.unref();
    this.registry.addInterval(name, timer);
  }

  /** Skips the run while another instance holds the job's lock. Without Redis the job still
   * runs (unlocked): taking turns only spares repeats, the jobs are safe concurrently. */
  private async inTurn(
    name: string,
    key: string,
    ttlMs: number,
    work: () => Promise<unknown>,
  ): Promise<void> {
    const lock = await this.locks.acquire(key, ttlMs).catch((err: unknown) => {
      this.logger.warn(`${name}: lock unavailable, running unlocked: ${String(err)}`);
      return 'unlocked' as const;
    });
    if (lock === null) return;
    try {
      await work();
    } finally {
      if (lock !== 'unlocked') await this.locks.release(lock).catch(() => undefined);
    }
  }
}
