import { Injectable, OnModuleInit } from '@nestjs/common';
import { AudienceKind, AudienceService, OPENID, StateConflict } from '@app/coupon';
import { WechatApiError, WechatNetworkError, WechatTagsClient } from '@app/wechat';
import type { GrowthJob } from '../jobs/growth-job.entity';
import {
  type GrowthJobHandler,
  GrowthJobRunner,
  type JobContext,
  JobInterrupted,
} from '../jobs/growth-job-runner';

export const AUDIENCE_SYNC = 'audience-sync';
/** Pause before a sync the platform was too busy for resumes from its page. */
const RETRY_LATER_MS = 5000;

interface SyncCheckpoint {
  /** The staging generation being filled. */
  generation: number;
  /** user/tag/get's cursor: the next page starts after it. */
  nextOpenid: string;
}

/**
 * Pulls a WECHAT_TAG audience's followers (cgi-bin/user/tag/get, pages of up to 10,000 by
 * next_openid) into a staging generation, then swaps it in. The checkpoint (generation + cursor)
 * is saved after every page, so a restart resumes at the page it stopped at; one sync per
 * audience at a time (the job's active_key).
 */
@Injectable()
export class AudienceSyncJob implements GrowthJobHandler, OnModuleInit {
  constructor(
    private readonly runner: GrowthJobRunner,
    private readonly audiences: AudienceService,
    private readonly tags: WechatTagsClient,
  ) {}

  onModuleInit(): void {
    this.runner.register(AUDIENCE_SYNC, this);
  }

  /** Queues the sync (or returns the one already queued/running). */
  async start(audienceId: number): Promise<{ job: GrowthJob; created: boolean }> {
    const audience = await this.audiences.get(audienceId);
    if (audience.kind !== AudienceKind.WECHAT_TAG) {
      throw new StateConflict(`Audience ${audienceId} is an ${audience.kind}: upload its members`);
    }
    return this.runner.start(AUDIENCE_SYNC, `audience:${audienceId}`, { audienceId });
  }

  async run(ctx: JobContext): Promise<void> {
    const audienceId = Number(ctx.job.params.audienceId);
    const audience = await this.audiences.get(audienceId);
    const tagId = Number(audience.tagId);
    let cp = ctx.job.checkpoint as SyncCheckpoint | null;
    let progress = ctx.job.progress;
    if (!cp) {
      const total = (await this.tags.list()).find((t) => t.id === tagId)?.count ?? null;
      cp = { generation: await this.audiences.beginReplace(audienceId, true), nextOpenid: '' };
      progress = 0;
      await ctx.save({ ...cp }, progress, total);
    }
    try {
      for (;;) {
        if (ctx.signal.aborted) throw new JobInterrupted();
        const page = await this.tags.membersPage(tagId, cp.nextOpenid);
        await this.audiences.stage(
          audienceId,
          cp.generation,
          page.openids.filter((o) => OPENID.test(o)),
        );
        progress += page.openids.length;
        const last =
          page.openids.length === 0 || page.nextOpenid === '' || page.nextOpenid === cp.nextOpenid;
        cp = { generation: cp.generation, nextOpenid: page.nextOpenid };
        await ctx.save({ ...cp }, progress);
        if (last) break;
      }
      await this.audiences.commitReplace(audienceId, cp.generation);
    } catch (err) {
      // Busy or unreachable after the client's own retries: resume from this page later.
      if (
        err instanceof WechatNetworkError ||
        (err instanceof WechatApiError && err.errcode === -1)
      ) {
        throw new JobInterrupted(RETRY_LATER_MS);
      }
      if (!(err instanceof JobInterrupted)) {
        await this.audiences.abortReplace(audienceId, cp.generation, String(err));
      }
      throw err;
    }
  }
}
