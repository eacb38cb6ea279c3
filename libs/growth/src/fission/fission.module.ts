import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CouponModule } from '@app/coupon';
import { WechatModule } from '@app/wechat';
import { FissionAccountingService } from './fission-accounting.service';
import { FissionCampaignService } from './fission-campaign.service';
import { FissionMessageHandler } from './fission-message.handler';
import { FissionRecovery } from './fission-recovery';
import { FissionShareService } from './fission-share.service';
import { FissionStatsService } from './fission-stats.service';
import { fissionConfig } from './fission.settings';
import { FollowerSubscriptions } from './follower-subscriptions';

/** Share-link fission: campaigns, links, exact invitation accounting, rewards, recovery. */
@Module({
  imports: [CouponModule, WechatModule, ConfigModule.forFeature(fissionConfig)],
  providers: [
    FissionCampaignService,
    FissionShareService,
    FissionAccountingService,
    FissionStatsService,
    FissionRecovery,
    FissionMessageHandler,
    FollowerSubscriptions,
  ],
  exports: [FissionCampaignService, FissionShareService, FissionStatsService, FissionRecovery],
})
export class FissionModule {}
