import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CouponQueryService, CouponStatus, CouponTemplateService, NotFound } from '@app/coupon';
import {
  BATCH_TAGGING_MAX,
  WechatApiError,
  WechatNetworkError,
  WechatTagsClient,
} from '@app/wechat';
import { growthConfig, type GrowthConfig } from '../growth.settings';
import type { GrowthJob } from '../jobs/growth-job.entity';
import {
  type GrowthJobHandler,
  GrowthJobRunner,
  type JobContext,
  JobInterrupted,
} from '../jobs/growth-job-runner';

export const TAG_FROM_COUPONS = 'tag-from-coupons';

/** "You have used up a quota": stop the job with a clear error instead of hammering. */
const QUOTA_ERRCODES = new Set([45009, 45011, 45047, 48006]);
/** Busy answers in a row before the job steps back and resumes later from its checkpoint. */
const BUSY_RETRIES = 4;

export type TaggableStatus = CouponStatus.USED | CouponStatus.AVAILABLE | CouponStatus.EXPIRED;

type TagCheckpoint = {
  /** The last openid tagged (followers are walked in openid order). */
  after: string;
};

/**
 * Behaviour tagging: tags every follower holding a coupon of a template (optionally in one
 * status) via cgi-bin/tags/members/batchtagging, 50 openids per call (the platform's limit).
 * Resumable from the last chunk; busy (-1) is retried with a doubling pause; a quota error stops
 * the job with that errcode in its error.
 */
@Injectable()
export class TagFromCouponsJob implements GrowthJobHandler, OnModuleInit {
  constructor(
    private readonly runner: GrowthJobRunner,
    private readonly coupons: CouponQueryService,
    private readonly templates: CouponTemplateService,
    private readonly tags: WechatTagsClient,
    @Inject(growthConfig.KEY) private readonly cfg: GrowthConfig,
  ) {}

  onModuleInit(): void {
    this.runner.register(TAG_FROM_COUPONS, this);
  }

  async start(
    tagId: number,
    templateId: number,
    status: TaggableStatus | null,
  ): Promise<{ job: GrowthJob; created: boolean }> {
    await this.templates.get(templateId);
    if (!(await this.tags.list()).some((t) => t.id === tagId)) {
      throw new NotFound(`WeChat tag ${tagId} not found`);
    }
    return this.runner.start(
      TAG_FROM_COUPONS,
      `tag:${tagId}:tpl:${templateId}:${status ?? 'ANY'}`,
      { tagId, templateId, status },
    );
  }

  async run(ctx: JobContext): Promise<void> {
    const { tagId, templateId } = ctx.job.params as { tagId: number; templateId: number };
    const status = (ctx.job.params.status as CouponStatus | null) ?? null;
    let cp = (ctx.job.checkpoint as TagCheckpoint | null) ?? { after: '' };
    let progress = ctx.job.progress;
    if (ctx.job.checkpoint === null) {
      await ctx.save(cp, 0, await this.coupons.countHolders(templateId, status));
    }
    for (;;) {
      if (ctx.signal.aborted) throw new JobInterrupted();
      const openids = await this.coupons.holders(templateId, status, cp.after, BATCH_TAGGING_MAX);
      if (openids.length === 0) return;
      await this.tagChunk(ctx, tagId, openids, progress);
      progress += openids.length;
      cp = { after: openids[openids.length - 1] };
      await ctx.save(cp, progress);
    }
  }

  private async tagChunk(
    ctx: JobContext,
    tagId: number,
    openids: string[],
    done: number,
  ): Promise<void> {
    for (let busy = 0; ; busy++) {
      try {
        await this.tags.batchTag(tagId, openids);
        return;
      } catch (err) {
        const transient =
          err instanceof WechatNetworkError ||
          (err instanceof WechatApiError && err.errcode === -1);
        if (err instanceof WechatApiError && QUOTA_ERRCODES.has(err.errcode)) {
          throw new Error(
            `WeChat quota reached (errcode ${err.errcode}: ${err.errmsg}); stopped after tagging ${done} followers`,
          );
        }
        if (err instanceof WechatApiError && !transient) {
          throw new Error(`WeChat refused batchtagging (errcode ${err.errcode}: ${err.errmsg})`);
        }
        if (!transient) throw err;
        const pause = this.cfg.taggingBusyBackoffMs * 2 ** busy;
        if (busy >= BUSY_RETRIES) throw new JobInterrupted(pause);
        try {
          await sleep(pause, undefined, { signal: ctx.signal });
        } catch {
          throw new JobInterrupted();
        }
      }
    }
  }
}
