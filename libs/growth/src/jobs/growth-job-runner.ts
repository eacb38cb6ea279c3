import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { DelayedError, type Job, Queue, Worker } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import { REDIS_CLIENT, type RedisClient } from '@app/core';
import { growthConfig, type GrowthConfig } from '../growth.settings';
import { bullConnection, GROWTH_QUEUE_PREFIX } from './bull-connection';
import type { GrowthJob } from './growth-job.entity';
import { GrowthJobStore } from './growth-job.store';

const QUEUE = 'jobs';
/** Pause before an interrupted job is picked up again (by any instance). */
const RESUME_DELAY_MS = 200;

export interface JobContext {
  readonly job: GrowthJob;
  /** Aborted when this instance shuts down: stop at the next checkpoint (throw JobInterrupted). */
  readonly signal: AbortSignal;
  /** Records where to resume and how far it got (progress/total shown by GET /jobs/:id). */
  save(checkpoint: Record<string, unknown>, progress: number, total?: number | null): Promise<void>;
}

export interface GrowthJobHandler {
  run(ctx: JobContext): Promise<void>;
}

/** Stop now; the job resumes from its checkpoint (here or on another instance). */
export class JobInterrupted extends Error {
  constructor(readonly delayMs = RESUME_DELAY_MS) {
    super('job interrupted; resumes from its checkpoint');
  }
}

/**
 * Runs growth jobs: MySQL holds each job (state, progress, checkpoint), BullMQ carries its id to
 * one worker at a time across instances. A job interrupted by a shutdown goes back to the queue
 * and resumes from its checkpoint; jobs MySQL still calls active are queued again at boot (the
 * BullMQ jobId makes that a no-op when they are still there).
 */
@Injectable()
export class GrowthJobRunner
  implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown
{
  private readonly logger = new Logger(GrowthJobRunner.name);
  private readonly handlers = new Map<string, GrowthJobHandler>();
  private readonly stopping = new AbortController();
  private readonly connections: (Redis | Cluster)[] = [];
  private queue?: Queue;
  private worker?: Worker;

  constructor(
    private readonly store: GrowthJobStore,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(growthConfig.KEY) private readonly cfg: GrowthConfig,
  ) {}

  /** Feature services register their job kinds at module init. */
  register(kind: string, handler: GrowthJobHandler): void {
    this.handlers.set(kind, handler);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.cfg.jobsEnabled) return;
    this.worker = new Worker<{ id: number }>(QUEUE, (job, token) => this.process(job, token), {
      connection: this.connection(),
      prefix: GROWTH_QUEUE_PREFIX,
      concurrency: 2,
    });
    this.worker.on('error', (err) => this.logger.warn(`worker: ${err.message}`));
    for (const job of await this.store.active()) await this.enqueue(job.id);
  }

  /** First shutdown phase: running jobs stop at their next checkpoint. Kept synchronous, so
   * other libs' first-phase hooks (claims refusing new work) are not held up. */
  onModuleDestroy(): void {
    this.stopping.abort();
  }

  /** Waits for the running jobs to reach their checkpoint (MySQL and Redis are still open). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    // Let BullMQ finish connecting first: a connection quit under its start-up is an error event
    // with nobody left to listen.
    await this.worker?.waitUntilReady().catch(() => undefined);
    await this.queue?.waitUntilReady().catch(() => undefined);
    await this.worker?.close();
    await this.queue?.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => undefined)));
  }

  /** Creates (or finds the subject's active) job and queues it. */
  async start(
    kind: string,
    subjectKey: string,
    params: Record<string, unknown>,
  ): Promise<{ job: GrowthJob; created: boolean }> {
    const result = await this.store.create(kind, subjectKey, params);
    if (result.created) await this.enqueue(result.job.id);
    return result;
  }

  private async enqueue(id: number): Promise<void> {
    await this.jobs.add(
      'run',
      { id },
      { jobId: `job-${id}`, removeOnComplete: true, removeOnFail: true },
    );
  }

  private async process(bull: Job<{ id: number }>, token?: string): Promise<void> {
    const job = await this.store.find(bull.data.id);
    if (!job || job.activeKey === null) return;
    const handler = this.handlers.get(job.kind);
    if (!handler) {
      await this.store.fail(job.id, `no handler for job kind ${job.kind}`);
      return;
    }
    await this.store.running(job.id);
    const ctx: JobContext = {
      job,
      signal: this.stopping.signal,
      save: (checkpoint, progress, total) => {
        job.checkpoint = checkpoint;
        job.progress = progress;
        return this.store.save(job.id, checkpoint, progress, total);
      },
    };
    try {
      await handler.run(ctx);
      await this.store.finish(job.id);
    } catch (err) {
      if (err instanceof JobInterrupted) {
        // Back to the queue (not a failed attempt): any instance resumes it from its checkpoint.
        await bull.moveToDelayed(Date.now() + err.delayMs, token);
        throw new DelayedError();
      }
      const message = err instanceof Error ? err.message : String(err);
      this.logger.warn(`job ${job.id} (${job.kind}) failed: ${message}`);
      await this.store.fail(job.id, message);
    }
  }

  /** Created on first use (another provider may queue work before this one's bootstrap ran). */
  private get jobs(): Queue {
    if (!this.queue) {
      this.queue = new Queue(QUEUE, { connection: this.connection(), prefix: GROWTH_QUEUE_PREFIX });
      // A closing connection reports itself as an error event: logged, never an unhandled throw.
      this.queue.on('error', (err) => this.logger.debug(`queue: ${err.message}`));
    }
    return this.queue;
  }

  private connection(): Redis | Cluster {
    const conn = bullConnection(this.redis);
    this.connections.push(conn);
    return conn;
  }
}
