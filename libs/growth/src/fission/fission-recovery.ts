import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicWork } from '@app/core';
import { CouponQueryService } from '@app/coupon';
import { FissionAccountingService } from './fission-accounting.service';
import { FissionCampaignService } from './fission-campaign.service';
import { fissionConfig, type FissionConfig } from './fission.settings';

const BATCH = 200;

/**
 * Finishes what an instance that died (or a busy claim path) left half-done: a friend's granted
 * SHARE claim never accounted, and a reward owed but not granted. Safe on several instances at
 * once: the invite row is keyed by the coupon (accounted once), the reward's claim request key
 * makes a second grant a replay, and its state changes are compare-and-set.
 */
@Injectable()
export class FissionRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger(FissionRecovery.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly accounting: FissionAccountingService,
    private readonly campaigns: FissionCampaignService,
    private readonly coupons: CouponQueryService,
    private readonly periodic: PeriodicWork,
    @Inject(fissionConfig.KEY) private readonly cfg: FissionConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic.every('fission-recover', this.cfg.recoverIntervalSeconds, () => this.recover(), {
      acrossInstances: 'one-at-a-time',
    });
  }

  /** Invites and rewards left unfinished longer than the grace; returns how many were taken up. */
  async recover(graceSeconds = this.cfg.recoverGraceSeconds): Promise<number> {
    const before = new Date(Date.now() - graceSeconds * 1000);
    return (await this.recoverInvites(before)) + (await this.recoverRewards(before));
  }

  /**
   * Friends' claims still marked pending: the instance died between the grant and the accounting
   * (and the friend never retried). The claim's request key finds the coupon, if it was granted.
   */
  private async recoverInvites(before: Date): Promise<number> {
    const rows = await this.db.query<
      { campaign_id: number; request_key: string; sharer_id: number }[]
    >(
      `SELECT campaign_id, request_key, sharer_id FROM fission_pending_claim
       WHERE created_at < ? ORDER BY created_at LIMIT ?`,
      [before, BATCH],
    );
    for (const r of rows) {
      const c = await this.campaigns.find(Number(r.campaign_id));
      const coupon = c ? await this.coupons.byRequest(c.templateId, r.request_key) : null;
      if (c && coupon) {
        await this.accounting.accountAndReward(c, Number(r.sharer_id), coupon.openid, coupon.code);
      }
      await this.accounting.clearPending(Number(r.campaign_id), r.request_key);
    }
    if (rows.length > 0) this.logger.log(`recovered ${rows.length} pending share claims`);
    return rows.length;
  }

  private async recoverRewards(before: Date): Promise<number> {
    const rows = await this.db.query<
      { campaign_id: number; sharer_id: number; reward_no: number }[]
    >(
      `SELECT campaign_id, sharer_id, reward_no FROM fission_reward
       WHERE state = 'PENDING' AND created_at < ? ORDER BY id LIMIT ?`,
      [before, BATCH],
    );
    for (const r of rows) {
      const c = await this.campaigns.find(Number(r.campaign_id));
      if (!c) continue;
      const outcome = await this.accounting.grantReward(
        c,
        Number(r.sharer_id),
        Number(r.reward_no),
      );
      this.logger.log(
        `recovered reward ${r.campaign_id}/${r.sharer_id}/${r.reward_no}: ${outcome}`,
      );
    }
    return rows.length;
  }
}
