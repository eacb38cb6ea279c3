import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicWork } from '@app/core';
import { FissionAccountingService } from './fission-accounting.service';
import { FissionCampaignService } from './fission-campaign.service';
import { fissionConfig, type FissionConfig } from './fission.settings';

const BATCH = 200;
/** Campaigns ended longer ago than this are not scanned for unaccounted claims. */
const RECENT_CAMPAIGN_MS = 86_400_000;

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
   * Friends' SHARE coupons with no invite row: the instance died between the grant and the
   * accounting (and the friend never retried). The claim's request key names campaign, sharer and
   * friend; coupon's UNIQUE(template_id, request_key) makes the prefix scan an index range.
   */
  private async recoverInvites(before: Date): Promise<number> {
    const since = new Date(Date.now() - RECENT_CAMPAIGN_MS);
    const campaigns = await this.db.query<{ id: number }[]>(
      `SELECT id FROM fission_campaign WHERE status <> 'ENDED' OR updated_at > ? OR ends_at > ?`,
      [since, since],
    );
    let n = 0;
    for (const { id } of campaigns) {
      const c = await this.campaigns.find(Number(id));
      if (!c) continue;
      const prefix = `share:${c.id}:`;
      const orphans = await this.db.query<{ code: string; request_key: string; openid: string }[]>(
        `SELECT k.code, k.request_key, k.openid FROM coupon k
         LEFT JOIN fission_invite i ON i.campaign_id = ? AND i.coupon_code = k.code
         WHERE k.template_id = ? AND k.request_key LIKE ? AND k.claimed_at < ? AND i.id IS NULL
         LIMIT ?`,
        [c.id, c.templateId, `${prefix}%`, before, BATCH],
      );
      for (const o of orphans) {
        const sharerId = Number(o.request_key.slice(prefix.length).split(':')[0]);
        if (!Number.isInteger(sharerId) || sharerId <= 0) continue;
        const account = await this.accounting.account(c, sharerId, o.openid, o.code);
        if (account.rewardNo !== null) {
          await this.accounting.grantReward(c, sharerId, account.rewardNo);
        }
        n++;
      }
    }
    if (n > 0) this.logger.log(`recovered ${n} unaccounted share claims`);
    return n;
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
