// The public face of @app/growth. Named exports only; anything not listed here is internal.
export { GrowthModule } from './growth.module';
// Targeted campaigns (issue #12): background jobs, tag sync, behaviour tagging, pushes.
export { GrowthJob, GrowthJobState } from './jobs/growth-job.entity';
export { GrowthJobStore } from './jobs/growth-job.store';
export { AudienceSyncJob } from './tags/audience-sync.job';
export { TagFromCouponsJob } from './tags/tag-from-coupons.job';
export type { TaggableStatus } from './tags/tag-from-coupons.job';
export { CampaignPush, PushChannel, PushState } from './pushes/campaign-push.entity';
export { CampaignPushService } from './pushes/campaign-push.service';
export type { CreatePushInput } from './pushes/campaign-push.service';
// Settings this lib owns (validated with every lib's at boot).
export { growthConfig, GrowthSettings } from './growth.settings';
export type { GrowthConfig } from './growth.settings';
// Share-link fission
export { FissionModule } from './fission/fission.module';
export { FissionCampaignService } from './fission/fission-campaign.service';
export type { FissionAction } from './fission/fission-campaign.service';
export { FissionShareService } from './fission/fission-share.service';
export type { ShareClaim, SharePage } from './fission/fission-share.service';
export { FissionStatsService } from './fission/fission-stats.service';
export { FissionRecovery } from './fission/fission-recovery';
export { ShareLinkRefusal } from './fission/share-link.refusal';
export { FissionStatus, InviteIgnoredReason } from './fission/fission-campaign';
export type {
  CreateFissionCampaignInput,
  FissionCampaignRecord,
  FissionStats,
} from './fission/fission-campaign';
export { fissionConfig, FissionSettings } from './fission/fission.settings';
export type { FissionConfig } from './fission/fission.settings';
