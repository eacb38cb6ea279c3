// The public face of @app/coupon. Named exports only; anything not listed here is internal.
export { CouponModule } from './coupon.module';
// Templates
export { CouponTemplate, DiscountType, ValidityType } from './entities/coupon-template.entity';
export { CouponTemplateService } from './templates/coupon-template.service';
export type { TemplateAction } from './templates/coupon-template.service';
// Claims (the /wx path)
export { ClaimChannel } from './entities/coupon.entity';
export { ClaimOutcome } from './issuance/claim-result';
export type { ClaimResult } from './issuance/claim-result';
export { ClaimService } from './issuance/claim.service';
export { generateCouponCode } from './issuance/coupon-code';
export { StockReconciler } from './issuance/stock-reconciler';
export { templateKeys } from './issuance/template-keys';
export { TemplateStateService } from './issuance/template-state.service';
// Coupons held, redeemed, revoked, expired
export { CouponCsvExporter } from './coupons/coupon-csv';
export { CouponQueryService } from './coupons/coupon-query.service';
export type { HeldCoupon } from './coupons/coupon-query.service';
export { CouponRevocationService } from './coupons/coupon-revocation.service';
export { CouponExpiryService } from './expiry/coupon-expiry.service';
export { RedemptionService } from './redemption/redemption.service';
export { CouponStatsService } from './stats/coupon-stats.service';
// Followers
export { FollowerService } from './followers/follower.service';
export type { FollowerRecord, PhoneBindingResult } from './followers/follower.service';
export { FollowersModule } from './followers/followers.module';
export { MAINLAND_MOBILE, maskPhone } from './followers/phone';
// HTTP shapes still living here until they move to the admin edge (issue #11 item 1)
export { CouponTemplatePage, CouponTemplateView } from './dto/coupon-template.view';
export { CouponPage, CouponView } from './dto/coupon.view';
export { CreateCouponTemplateDto } from './dto/create-coupon-template.dto';
export { ListTemplatesQuery } from './dto/list-templates.query';
export {
  RedeemCouponDto,
  RedemptionResultView,
  RevokeCouponDto,
  UndoRedemptionDto,
  UndoResultView,
} from './dto/redemption.dto';
export { COUPON_CODE, SearchCouponsQuery } from './dto/search-coupons.query';
export { OverviewStatsView, StatsRangeQuery, TemplateStatsView } from './dto/stats.view';
export { UpdateCouponTemplateDto } from './dto/update-coupon-template.dto';
// The coupon feature on /wx (claims, 我的优惠券, phone binding) and the texts followers read.
export { CouponWechatModule } from './wechat/coupon-wechat.module';
export { HELP_TEXT, RATE_LIMITED_TEXT, WELCOME_TEXT } from './wechat/reply-texts';
// The gate's Lua scripts as typed commands (tests drive them directly, as a dead instance would).
export { ISSUANCE_SCRIPTS } from './issuance/issuance.constants';
export { defineIssuanceScripts } from './issuance/issuance-scripts';
export type { IssuanceScripts } from './issuance/issuance-scripts';
