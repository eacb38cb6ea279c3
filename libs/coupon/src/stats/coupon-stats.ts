/** Claims granted in one UTC hour. */
export interface HourCount {
  hour: Date;
  count: number;
}

/** Coupon counts for one template or all of them. */
export interface CouponCounts {
  /** Coupons issued (rows). */
  issued: number;
  /** Stock not yet issued. */
  remaining: number;
  redeemed: number;
  /** EXPIRED, or AVAILABLE past validity. */
  expired: number;
  revoked: number;
  /** redeemed / issued, 4 decimals (0 when nothing issued). */
  redemptionRate: number;
  /** Sum of discounts of redemptions not undone. */
  discountGivenCents: number;
}

export interface TemplateStats extends CouponCounts {
  templateId: number;
  totalQuantity: number;
  from: Date;
  to: Date;
  /** Claims per UTC hour in [from, to); empty hours are 0. */
  claimsPerHour: HourCount[];
}

export interface OverviewStats extends CouponCounts {
  templates: number;
  templatesByStatus: Record<string, number>;
}

/** [from, to), rounded out to whole hours; defaults: to = now, from = 24 h before `to`. */
export interface StatsRange {
  from?: Date;
  to?: Date;
}
