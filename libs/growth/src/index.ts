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
