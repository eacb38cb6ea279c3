// The public face of @app/coupon. Named exports only; anything not listed here is internal.
export { CouponModule } from './coupon.module';
// Templates
export { CouponTemplate, DiscountType, ValidityType } from './entities/coupon-template.entity';
export { TemplateStatus } from './entities/coupon-template.entity';
export { CouponTemplateService } from './templates/coupon-template.service';
export type { TemplateAction } from './templates/coupon-template.service';
export type {
  CreateTemplateInput,
  TemplateChanges,
  TemplateListFilter,
  TemplateShapeCheck,
  UpdateTemplateInput,
} from './templates/template-input';
// Audiences: who may claim a template (issue #12)
export { Audience, AudienceKind, AudienceSyncStatus } from './audiences/audience.entity';
export { AudienceService, MAX_AUDIENCE_MEMBERS, OPENID } from './audiences/audience.service';
export type { CreateAudienceInput, MemberLine, ReplaceResult } from './audiences/audience.service';
export { InvalidMembers } from './audiences/audience-refusals';
// Claims (the /wx path)
export { ClaimChannel } from './entities/coupon.entity';
export { CouponStatus } from './entities/coupon.entity';
export { ClaimOutcome } from './issuance/claim-result';
export type { ClaimResult } from './issuance/claim-result';
export { ClaimService } from './issuance/claim.service';
// The MySQL proof of a claim, for the specs that drive it directly.
export { CouponWriter } from './issuance/coupon-writer';
export type { CouponRow, WriteOutcome } from './issuance/coupon-writer';
export { generateCouponCode } from './issuance/coupon-code';
export { StockReconciler } from './issuance/stock-reconciler';
export { templateKeys } from './issuance/template-keys';
// Coupons held, redeemed, revoked, expired
export { CouponCsvExporter } from './coupons/coupon-csv';
export { effectiveStatus } from './coupons/coupon-record';
export type {
  CouponDetail,
  CouponRecord,
  CouponSearch,
  CouponSearchPage,
  RedemptionRecord,
} from './coupons/coupon-record';
export { COUPON_CODE } from './issuance/coupon-code';
export { CouponQueryService } from './coupons/coupon-query.service';
export type { HeldCoupon } from './coupons/coupon-query.service';
export { CouponRevocationService } from './coupons/coupon-revocation.service';
export { CouponExpiryService } from './expiry/coupon-expiry.service';
export { RedemptionStatus } from './redemption/coupon-redemption.entity';
export { RedemptionService } from './redemption/redemption.service';
export type {
  RedeemInput,
  RedemptionQuote,
  RedemptionResult,
  UndoResult,
} from './redemption/redemption.service';
export { CouponStatsService } from './stats/coupon-stats.service';
export type {
  CouponCounts,
  HourCount,
  OverviewStats,
  StatsRange,
  TemplateStats,
} from './stats/coupon-stats';
// Refusals other libs raise too; the HTTP edge answers each through core's one error body.
export { NotFound, RuleViolation, StateConflict } from './refusals/coupon-refusals';
// Why a coupon cannot be used now: the redemption quote (admin edge) names the reason.
export { RedeemRefusal } from './refusals/coupon-refusals';
// Followers
export { FollowerService } from './followers/follower.service';
export type { FollowerRecord, PhoneBindingResult } from './followers/follower.service';
export { FollowersModule } from './followers/followers.module';
export { MAINLAND_MOBILE, maskPhone } from './followers/phone';
// The coupon feature on /wx (claims, 我的优惠券, phone binding) and the texts followers read.
export { CouponWechatModule } from './wechat/coupon-wechat.module';
export {
  HELP_TEXT,
  NOT_IN_AUDIENCE_TEXT,
  RATE_LIMITED_TEXT,
  WELCOME_TEXT,
} from './wechat/reply-texts';
// The gate's Lua scripts as typed commands (tests drive them directly, as a dead instance would).
export { ISSUANCE_SCRIPTS } from './issuance/issuance.constants';
export { defineIssuanceScripts } from './issuance/issuance-scripts';
export type { IssuanceScripts } from './issuance/issuance-scripts';
