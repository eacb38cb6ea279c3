import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AudienceService } from '@app/coupon';
import {
  type GrowthJobHandler,
  GrowthJobRunner,
  type JobContext,
  JobInterrupted,
} from '../jobs/growth-job-runner';
import { finishIfSettled, PushDeliveryQueue } from './push-delivery.queue';

export const PUSH_FANOUT = 'push-fanout';
const CHUNK = 1000;

type FanoutCheckpoint = { after: string };

/**
 * A list push's fan-out: walks the audience in openid order, writes one PENDING delivery per
 * follower (the primary key keeps it to one) and queues its message. Resumes after the last
 * chunk it recorded; re-queuing a chunk is harmless (deliveries are compare-and-set).
 */
@Injectable()
export class PushFanoutJob implements GrowthJobHandler, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runner: GrowthJobRunner,
    private readonly audiences: AudienceService,
    private readonly deliveries: PushDeliveryQueue,
  ) {}

  onModuleInit(): void {
    this.runner.register(PUSH_FANOUT, this);
  }

  async run(ctx: JobContext): Promise<void> {
    const { pushId, audienceId } = ctx.job.params as { pushId: number; audienceId: number };
    let cp = (ctx.job.checkpoint as FanoutCheckpoint | null) ?? { after: '' };
    let progress = ctx.job.progress;
    for (;;) {
      if (ctx.signal.aborted) throw new JobInterrupted();
      const openids = await this.audiences.membersPage(audienceId, cp.after, CHUNK);
      if (openids.length === 0) break;
      await this.db.query(
        `INSERT IGNORE INTO push_delivery (push_id, openid, state) VALUES ${openids.map(() => "(?, ?, 'PENDING')").join(', ')}`,
        openids.flatMap((o) => [pushId, o]),
      );
      await this.deliveries.enqueue(pushId, openids);
      progress += openids.length;
      cp = { after: openids[openids.length - 1] };
      await ctx.save(cp, progress);
    }
    await this.db.query(
      `UPDATE campaign_push SET fanout_done = 1,
         total_count = (SELECT COUNT(*) FROM push_delivery WHERE push_id = ?) WHERE id = ?`,
      [pushId, pushId],
    );
    await finishIfSettled(this.db, pushId);
  }
}
