import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouponModule } from '@app/coupon';
import { WechatModule } from '@app/wechat';
import { growthConfig } from './growth.settings';
import { GrowthJob } from './jobs/growth-job.entity';
import { GrowthJobRunner } from './jobs/growth-job-runner';
import { GrowthJobStore } from './jobs/growth-job.store';
import { AudienceSyncJob } from './tags/audience-sync.job';
import { TagFromCouponsJob } from './tags/tag-from-coupons.job';
import { CampaignPush } from './pushes/campaign-push.entity';
import { CampaignPushService } from './pushes/campaign-push.service';
import { MassFinishHandler } from './pushes/mass-finish.handler';
import { PushDeliveryQueue } from './pushes/push-delivery.queue';
import { PushFanoutJob } from './pushes/push-fanout.job';
import { FissionModule } from './fission/fission.module';

/**
 * Campaigns that grow the audience, built on the coupon domain: pushes (BullMQ jobs), WeChat tag
 * sync and behaviour tagging, share-link fission. Registers its own /wx handlers with the
 * dispatcher; never edits wechat or coupon internals.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([GrowthJob, CampaignPush]),
    ConfigModule.forFeature(growthConfig),
    CouponModule,
    WechatModule,
    FissionModule,
  ],
  // Targeted campaigns (issue #12): jobs, tag sync, behaviour tagging, pushes.
  providers: [
    GrowthJobStore,
    GrowthJobRunner,
    AudienceSyncJob,
    TagFromCouponsJob,
    PushDeliveryQueue,
    PushFanoutJob,
    CampaignPushService,
    MassFinishHandler,
  ],
  exports: [FissionModule, GrowthJobStore, AudienceSyncJob, TagFromCouponsJob, CampaignPushService],
})
export class GrowthModule {}
