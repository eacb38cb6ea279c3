import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  ClaimChannel,
  ClaimOutcome,
  type ClaimResult,
  ClaimService,
  CouponTemplate,
  CouponTemplateService,
} from '@app/coupon';
import { FissionAccountingService } from './fission-accounting.service';
import { FissionCampaignService } from './fission-campaign.service';
import { type FissionCampaignRecord, FissionStatus } from './fission-campaign';
import { fissionConfig, type FissionConfig } from './fission.settings';
import { ShareLinkRefusal } from './share-link.refusal';
import { ShareTokenCodec } from './share-token';

export interface SharerProgress {
  link: string;
  counted: number;
  rewards: number;
}

export interface SharePage {
  campaign: FissionCampaignRecord;
  template: CouponTemplate;
  /** null while the campaign runs; else why a claim would be refused now. */
  closed: ClaimOutcome | null;
}

export interface ShareClaim {
  outcome: ClaimOutcome;
  coupon?: { code: string; validFrom: Date; validTo: Date };
}

/** The sharer's link and progress, the friend's page data and claim (share-link fission). */
@Injectable()
export class FissionShareService {
  private readonly codec: ShareTokenCodec;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly campaigns: FissionCampaignService,
    private readonly templates: CouponTemplateService,
    private readonly accounting: FissionAccountingService,
    private readonly claims: ClaimService,
    @Inject(fissionConfig.KEY) private readonly cfg: FissionConfig,
  ) {
    this.codec = new ShareTokenCodec(cfg.tokenSecret);
  }

  /** The follower's personal link (their sharer row is made on first ask) and progress. */
  async sharerLink(c: FissionCampaignRecord, openid: string): Promise<SharerProgress> {
    await this.db.query(
      'INSERT IGNORE INTO fission_sharer (campaign_id, openid, created_at) VALUES (?, ?, ?)',
      [c.id, openid, new Date()],
    );
    const [row] = await this.db.query<{ id: number; counted: number; rewards: number }[]>(
      'SELECT id, counted, rewards FROM fission_sharer WHERE campaign_id = ? AND openid = ?',
      [c.id, openid],
    );
    const token = this.codec.sign({
      campaignId: c.id,
      sharerId: Number(row.id),
      expiresAt: Math.floor(c.endsAt.getTime() / 1000),
    });
    return {
      link: `${this.cfg.h5BaseUrl}/h5/share/${token}`,
      counted: Number(row.counted),
      rewards: Number(row.rewards),
    };
  }

  /** What the friend's page shows; counts the opening. Refuses a forged/expired link. */
  async open(token: string): Promise<SharePage> {
    const { campaign, sharerId } = await this.resolve(token);
    await this.db.query('UPDATE fission_sharer SET links_opened = links_opened + 1 WHERE id = ?', [
      sharerId,
    ]);
    const { template } = await this.templates.get(campaign.templateId);
    return { campaign, template, closed: closedOutcome(campaign) };
  }

  /**
   * The friend's claim through the link: the coupon claim path (Lua gate + MySQL proof, channel
   * SHARE, the inviter in its audit event), then the exact accounting and, when owed, the reward.
   * The request key is (campaign, sharer, friend): a double tap or a browser retry replays.
   */
  async claim(token: string, friend: string): Promise<ShareClaim> {
    const { campaign: c, sharerId, sharerOpenid } = await this.resolve(token);
    const closed = closedOutcome(c);
    if (closed) return { outcome: closed };
    const requestKey = shareRequestKey(c.id, sharerId, friend);
    // Marked before the claim, cleared once accounted: an instance that dies in between leaves
    // the mark for the recovery.
    await this.accounting.markPending(c.id, requestKey, sharerId);
    const result: ClaimResult = await this.claims.claim({
      templateId: c.templateId,
      openid: friend,
      requestKey,
      channel: ClaimChannel.SHARE,
      // The inviter, as every audit event names a follower: by openid (and our sharer id).
      auditDetail: { campaignId: c.id, inviter: sharerOpenid, inviterSharerId: sharerId },
    });
    if (result.outcome === ClaimOutcome.GRANTED && result.coupon) {
      this.faultPoint('kill-before-account', friend);
      await this.accounting.accountAndReward(c, sharerId, friend, result.coupon.code, () =>
        this.faultPoint('kill-before-reward', friend),
      );
    }
    if (result.outcome !== ClaimOutcome.ERROR) {
      await this.accounting.clearPending(c.id, requestKey);
    }
    return { outcome: result.outcome, coupon: result.coupon };
  }

  /** Tests only (FISSION_TEST_FAULT): die here, as a crashed instance would. */
  private faultPoint(point: string, friend: string): void {
    const f = this.cfg.fault;
    if (f?.point === point && (!f.openid || f.openid === friend))
      process.kill(process.pid, 'SIGKILL');
  }

  private async resolve(
    token: string,
  ): Promise<{ campaign: FissionCampaignRecord; sharerId: number; sharerOpenid: string }> {
    const payload = this.codec.verify(token);
    if (typeof payload === 'string') throw new ShareLinkRefusal(payload);
    const campaign = await this.campaigns.find(payload.campaignId);
    // The expiry is the campaign's end as signed: a link cannot outlive (or move to) its campaign.
    if (!campaign || Math.floor(campaign.endsAt.getTime() / 1000) !== payload.expiresAt) {
      throw new ShareLinkRefusal('UNKNOWN_LINK');
    }
    const [sharer] = await this.db.query<{ openid: string }[]>(
      'SELECT openid FROM fission_sharer WHERE id = ? AND campaign_id = ?',
      [payload.sharerId, campaign.id],
    );
    if (!sharer) throw new ShareLinkRefusal('UNKNOWN_LINK');
    return { campaign, sharerId: payload.sharerId, sharerOpenid: sharer.openid };
  }
}

/** A friend's claim through a link: replays for retries of the same link, names who invited. */
export function shareRequestKey(campaignId: number, sharerId: number, friend: string): string {
  return `share:${campaignId}:${sharerId}:${friend}`;
}

/** Why the campaign takes no claims right now, or null while it runs. */
export function closedOutcome(c: FissionCampaignRecord, now = Date.now()): ClaimOutcome | null {
  if (c.status === FissionStatus.PAUSED) return ClaimOutcome.PAUSED;
  if (c.status === FissionStatus.ENDED || now >= c.endsAt.getTime()) return ClaimOutcome.ENDED;
  if (now < c.startsAt.getTime()) return ClaimOutcome.NOT_STARTED;
  return null;
}
