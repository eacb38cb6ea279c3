import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicWork } from '@app/core';
import { FissionAccountingService } from './fission-accounting.service';
import { FissionCampaignService } from './fission-campaign.service';
import { fissionConfig, type FissionConfig } from './fission.settings';

const BATCH = 200;

/**
 * Finishes rewards owed but not granted: an instance died (or the claim path was busy) between
 * the friend's grant and the sharer's reward. Safe on several instances at once: the reward's
 * claim request key makes a second grant a replay, and its state changes are compare-and-set.
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

  /** Rewards PENDING longer than the grace; returns how many were attempted. */
  async recover(graceSeconds = this.cfg.recoverGraceSeconds): Promise<number> {
    const rows = await this.db.query<
      { campaign_id: number; sharer_id: number; reward_no: number }[]
    >(
      `SELECT campaign_id, sharer_id, reward_no FROM fission_reward
       WHERE state = 'PENDING' AND created_at < ? ORDER BY id LIMIT ?`,
      [new Date(Date.now() - graceSeconds * 1000), BATCH],
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
