import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { AudienceKind, AudienceService, CouponTemplateService, NotFound } from '@app/coupon';
import { WechatApiClient, WechatTagsClient } from '@app/wechat';
import { GrowthJobRunner } from '../jobs/growth-job-runner';
import { CampaignPush, PushChannel, PushState } from './campaign-push.entity';
import { PUSH_FANOUT } from './push-fanout.job';

export interface CreatePushInput {
  templateId: number;
  audienceId: number;
  text: string;
  /** Send to this follower only (mass/preview for a tag, one message for a list). */
  previewOpenid?: string;
}

export interface MassSendResult {
  msgId: string;
  status: string;
  totalCount: number;
  filterCount: number;
  sentCount: number;
  errorCount: number;
}

/**
 * Telling an audience about a campaign (issue #12). A WECHAT_TAG audience gets one mass send
 * filtered by its tag, finished by the MASSSENDJOBFINISH event; an OPENID_LIST audience one
 * customer-service message per follower through the delivery queue.
 */
@Injectable()
export class CampaignPushService {
  private readonly logger = new Logger(CampaignPushService.name);
  private readonly repo: Repository<CampaignPush>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly templates: CouponTemplateService,
    private readonly audiences: AudienceService,
    private readonly tags: WechatTagsClient,
    private readonly api: WechatApiClient,
    private readonly runner: GrowthJobRunner,
  ) {
    this.repo = db.getRepository(CampaignPush);
  }

  /** Platform failures propagate (WechatApiError / WechatNetworkError) after the push is marked
   * FAILED with the reason. */
  async create(input: CreatePushInput): Promise<CampaignPush> {
    await this.templates.get(input.templateId);
    const audience = await this.audiences.get(input.audienceId);
    const channel =
      audience.kind === AudienceKind.WECHAT_TAG ? PushChannel.MASS_TAG : PushChannel.CUSTOM_MESSAGE;
    const push = await this.repo.save(
      this.repo.create({
        templateId: input.templateId,
        audienceId: audience.id,
        channel,
        text: input.text,
        previewOpenid: input.previewOpenid ?? null,
        state: PushState.SENDING,
      }),
    );
    try {
      if (input.previewOpenid !== undefined) {
        if (channel === PushChannel.MASS_TAG) {
          await this.tags.massPreview(input.previewOpenid, input.text);
        } else {
          await this.api.sendCustomText(input.previewOpenid, input.text);
        }
        await this.repo.update(push.id, {
          state: PushState.PREVIEW_SENT,
          totalCount: 1,
          sentCount: 1,
          finishedAt: new Date(),
        });
      } else if (channel === PushChannel.MASS_TAG) {
        const { msgId } = await this.tags.massSendToTag(Number(audience.tagId), input.text);
        await this.repo.update(push.id, { msgId });
      } else {
        const { job } = await this.runner.start(PUSH_FANOUT, `push:${push.id}`, {
          pushId: push.id,
          audienceId: audience.id,
        });
        await this.repo.update(push.id, { jobId: job.id });
      }
    } catch (err) {
      await this.repo.update(push.id, {
        state: PushState.FAILED,
        error: (err instanceof Error ? err.message : String(err)).slice(0, 512),
        finishedAt: new Date(),
      });
      throw err;
    }
    return this.get(push.id);
  }

  async get(id: number): Promise<CampaignPush> {
    const push = await this.repo.findOneBy({ id });
    if (!push) throw new NotFound(`Campaign push ${id} not found`);
    return push;
  }

  /**
   * MASSSENDJOBFINISH: the platform's final counts. Setting the same values again is harmless,
   * so WeChat's retries of the event change nothing. False for a msg_id we never sent.
   */
  async massFinished(r: MassSendResult): Promise<boolean> {
    const ok = /^send ?success$/i.test(r.status);
    const res = await this.db.query<{ affectedRows: number }>(
      `UPDATE campaign_push SET state = ?, total_count = ?, filter_count = ?, sent_count = ?,
         error_count = ?, error = ?, finished_at = COALESCE(finished_at, NOW(3))
       WHERE msg_id = ?`,
      [
        ok ? PushState.DONE : PushState.FAILED,
        r.totalCount,
        r.filterCount,
        r.sentCount,
        r.errorCount,
        ok ? null : `mass send finished with status ${r.status}`.slice(0, 512),
        r.msgId,
      ],
    );
    if (Number(res.affectedRows) === 0) {
      this.logger.warn(`MASSSENDJOBFINISH for unknown msg_id ${r.msgId}`);
      return false;
    }
    return true;
  }
}
