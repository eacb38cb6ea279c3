import { IntSetting, TextSetting, defineSettings } from '@app/core';

/**
 * Coupon's settings: redemption, expiry, stock reconciliation, the claim throttle, 我的优惠券.
 * Validated with every other lib's at boot.
 */
export class CouponSettings {
  /** How long after a redemption the till may still undo it. */
  @IntSetting(0, 10080)
  REDEMPTION_UNDO_WINDOW_MINUTES = 30;

  /** Expiry job period; 0 turns the job off on this instance. */
  @IntSetting(0, 86400)
  COUPON_EXPIRY_INTERVAL_SECONDS = 60;

  @IntSetting(1, 100000)
  COUPON_EXPIRY_BATCH_SIZE = 1000;

  /** How often lost stock slots (granted in Redis, never written) are given back; 0 = off. */
  @IntSetting(0, 86400)
  STOCK_RECONCILE_INTERVAL_SECONDS = 60;

  /** How long a slot (and a follower's count) must stay missing from MySQL before it is given
   * back: longer than any claim can still be writing its row. */
  @IntSetting(5, 86400)
  STOCK_RECONCILE_GRACE_SECONDS = 30;

  /** Text a follower sends to list their usable coupons. */
  @TextSetting()
  MY_COUPONS_KEYWORD = '我的优惠券';

  /** Claims (keyword / menu / follow coupon) one follower may make per window; 0 = no limit. */
  @IntSetting(0, 100000)
  WX_CLAIM_RATE_LIMIT = 10;

  @IntSetting(1, 86400)
  WX_CLAIM_RATE_WINDOW_SECONDS = 60;
}

export const couponConfig = defineSettings('coupon', CouponSettings, (s) => ({
  redemptionUndoWindowMinutes: s.REDEMPTION_UNDO_WINDOW_MINUTES,
  expiryIntervalSeconds: s.COUPON_EXPIRY_INTERVAL_SECONDS,
  expiryBatchSize: s.COUPON_EXPIRY_BATCH_SIZE,
  stockReconcileIntervalSeconds: s.STOCK_RECONCILE_INTERVAL_SECONDS,
  stockReconcileGraceSeconds: s.STOCK_RECONCILE_GRACE_SECONDS,
  myCouponsKeyword: s.MY_COUPONS_KEYWORD.trim(),
  /** Per follower and campaign, checked inside the claim script (no extra round trip). */
  claimRateLimit: s.WX_CLAIM_RATE_LIMIT,
  claimRateWindowSeconds: s.WX_CLAIM_RATE_WINDOW_SECONDS,
}));

export type CouponConfig = ReturnType<typeof couponConfig>;
