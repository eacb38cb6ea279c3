import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, type Job, Queue, Worker } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { REDIS_CLIENT, type RedisClient } from '@app/core';
import { WechatApiClient, WechatApiError } from '@app/wechat';
import { growthConfig, type GrowthConfig } from '../growth.settings';
import { bullConnection, GROWTH_QUEUE_PREFIX } from '../jobs/bull-connection';

const QUEUE = 'push-deliveries';
/** 45015: the follower has not interacted within 48 hours (or unfollowed). */
const NOT_REACHABLE = 45015;
const BUSY_ATTEMPTS = 5;
/** A SENDING claim older than this belongs to a dead sender (longer than any API call). */
const ORPHAN_SECONDS = 60;

type Outcome = 'SENT' | 'NOT_REACHABLE' | 'FAILED';

/**
 * One customer-service message per follower of a list push, through a durable BullMQ queue at
 * PUSH_RATE_PER_SECOND (the limiter is shared by every instance's worker). At most once per
 * follower: a delivery row is moved PENDING -> SENDING by compare-and-set before the platform is
 * called, so a retried or re-queued job never messages twice; a send whose outcome is unknown
 * (the instance died, or no answer) is counted FAILED, never repeated. Busy (-1) is a refusal,
 * so it is retried; 45015 is NOT_REACHABLE, not retried.
 */
@Injectable()
export class PushDeliveryQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PushDeliveryQueue.name);
  private readonly connections: (Redis | Cluster)[] = [];
  private readonly texts = new Map<number, string>();
  private queue?: Queue;
  private worker?: Worker;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly api: WechatApiClient,
    @Inject(growthConfig.KEY) private readonly cfg: GrowthConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.cfg.jobsEnabled) return;
    this.worker = new Worker<Delivery>(QUEUE, (job, token) => this.deliver(job, token), {
      connection: this.connection(),
      prefix: GROWTH_QUEUE_PREFIX,
      concurrency: 4,
      limiter: { max: this.cfg.pushRatePerSecond, duration: 1000 },
    });
    this.worker.on('error', (err) => this.logger.warn(`worker: ${err.message}`));
    await this.requeuePending();
  }

  /** After the first shutdown phase (claims already refuse new work); pools are still open. */
  async beforeApplicationShutdown(): Promise<void> {
    // Let BullMQ finish connecting first: a connection quit under its start-up is an error event
    // with nobody left to listen.
    await this.worker?.waitUntilReady().catch(() => undefined);
    await this.queue?.waitUntilReady().catch(() => undefined);
    await this.worker?.close();
    await this.queue?.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => undefined)));
  }

  /** Queues one message per openid; the jobId makes a repeated enqueue of a waiting one a no-op. */
  async enqueue(pushId: number, openids: string[]): Promise<void> {
    if (openids.length === 0) return;
    await this.jobs.addBulk(
      openids.map((openid) => ({
        name: 'send',
        data: { pushId, openid },
        opts: {
          jobId: `p${pushId}-${openid}`,
          attempts: BUSY_ATTEMPTS,
          backoff: { type: 'exponential', delay: 1000 },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  /**
   * The delivery was claimed before: done (nothing to do), or SENDING: an instance died between
   * claiming it and recording the outcome (BullMQ re-runs the stalled job). Whether WeChat got
   * it is unknown, so it is never sent again: once the claim is old enough that its sender
   * cannot still be alive, it is counted FAILED; until then the job waits.
   */
  private async alreadyClaimed(job: Job<Delivery>, token?: string): Promise<void> {
    const { pushId, openid } = job.data;
    const [row] = await this.db.query<{ state: string; stale: number }[]>(
      `SELECT state, updated_at < NOW(3) - INTERVAL ${ORPHAN_SECONDS} SECOND AS stale
       FROM push_delivery WHERE push_id = ? AND openid = ?`,
      [pushId, openid],
    );
    if (row?.state !== 'SENDING') return;
    if (Number(row.stale) === 1) {
      await settleDelivery(this.db, pushId, openid, 'FAILED', null);
      return;
    }
    await job.moveToDelayed(Date.now() + ORPHAN_SECONDS * 1000, token);
    throw new DelayedError();
  }

  /** Deliveries without an outcome whose queue entries may be lost (a Redis flush, a dead
   * instance) are queued again: PENDING ones get sent, SENDING ones settled (never resent). */
  private async requeuePending(): Promise<void> {
    const pushes = await this.db.query<{ id: number }[]>(
      "SELECT id FROM campaign_push WHERE state = 'SENDING' AND channel = 'CUSTOM_MESSAGE'",
    );
    for (const { id } of pushes) {
      let after = '';
      for (;;) {
        const rows = await this.db.query<{ openid: string }[]>(
          `SELECT openid FROM push_delivery
           WHERE push_id = ? AND state IN ('PENDING', 'SENDING') AND openid > ?
           ORDER BY openid LIMIT 1000`,
          [id, after],
        );
        if (rows.length === 0) break;
        await this.enqueue(
          Number(id),
          rows.map((r) => r.openid),
        );
        after = rows[rows.length - 1].openid;
      }
    }
  }

  private async deliver(job: Job<Delivery>, token?: string): Promise<void> {
    const { pushId, openid } = job.data;
    const claimed = await this.db.query<{ affectedRows: number }>(
      "UPDATE push_delivery SET state = 'SENDING' WHERE push_id = ? AND openid = ? AND state = 'PENDING'",
      [pushId, openid],
    );
    if (Number(claimed.affectedRows) === 0) return this.alreadyClaimed(job, token);
    let outcome: Outcome = 'SENT';
    let errcode: number | null = null;
    try {
      await this.api.sendCustomText(openid, await this.text(pushId));
    } catch (err) {
      errcode = err instanceof WechatApiError ? err.errcode : null;
      if (errcode === -1 && job.attemptsMade + 1 < BUSY_ATTEMPTS) {
        // The platform refused (nothing was sent): safe to try again later.
        await this.db.query(
          "UPDATE push_delivery SET state = 'PENDING' WHERE push_id = ? AND openid = ? AND state = 'SENDING'",
          [pushId, openid],
        );
        throw err;
      }
      outcome = errcode === NOT_REACHABLE ? 'NOT_REACHABLE' : 'FAILED';
    }
    await settleDelivery(this.db, pushId, openid, outcome, errcode);
  }

  private async text(pushId: number): Promise<string> {
    let text = this.texts.get(pushId);
    if (text === undefined) {
      const [row] = await this.db.query<{ text: string }[]>(
        'SELECT text FROM campaign_push WHERE id = ?',
        [pushId],
      );
      text = row.text;
      this.texts.set(pushId, text);
    }
    return text;
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

interface Delivery {
  pushId: number;
  openid: string;
}

const COUNTER: Record<Outcome, string> = {
  SENT: 'sent_count',
  NOT_REACHABLE: 'not_reachable_count',
  FAILED: 'error_count',
};

/** Records a delivery's outcome and its count in one transaction, then finishes the push when
 * nothing is left to send. */
export async function settleDelivery(
  db: DataSource,
  pushId: number,
  openid: string,
  outcome: Outcome,
  errcode: number | null,
): Promise<void> {
  await db.transaction(async (m) => {
    const res = await m.query<{ affectedRows: number }>(
      "UPDATE push_delivery SET state = ?, errcode = ? WHERE push_id = ? AND openid = ? AND state = 'SENDING'",
      [outcome, errcode, pushId, openid],
    );
    if (Number(res.affectedRows) === 0) return;
    await m.query(
      `UPDATE campaign_push SET ${COUNTER[outcome]} = ${COUNTER[outcome]} + 1 WHERE id = ?`,
      [pushId],
    );
  });
  await finishIfSettled(db, pushId);
}

/** DONE once the fan-out is complete and every delivery has an outcome. */
export async function finishIfSettled(db: DataSource, pushId: number): Promise<void> {
  await db.query(
    `UPDATE campaign_push SET state = 'DONE', finished_at = NOW(3)
     WHERE id = ? AND state = 'SENDING' AND fanout_done = 1
       AND sent_count + error_count + not_reachable_count >= total_count`,
    [pushId],
  );
}
