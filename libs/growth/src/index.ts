// The public face of @app/growth. Named exports only; anything not listed here is internal.
export { GrowthModule } from './growth.module';
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
