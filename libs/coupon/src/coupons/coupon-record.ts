import { type ClaimChannel, type Coupon, CouponStatus } from '../entities/coupon.entity';
import type { RedemptionStatus } from '../redemption/coupon-redemption.entity';

/** AVAILABLE past its validity reads as EXPIRED even before the expiry job has marked it. */
export function effectiveStatus(
  c: Pick<Coupon, 'status' | 'validTo'>,
  now = new Date(),
): CouponStatus {
  return c.status === CouponStatus.AVAILABLE && c.validTo.getTime() < now.getTime()
    ? CouponStatus.EXPIRED
    : c.status;
}

/** A coupon as readers see it: `status` is the effective one (see effectiveStatus). */
export interface CouponRecord {
  code: string;
  templateId: number;
  templateName?: string;
  openid: string;
  status: CouponStatus;
  channel: ClaimChannel;
  validFrom: Date;
  validTo: Date;
  claimedAt: Date;
  redeemedAt: Date | null;
  redeemRequestNo: string | null;
  revokedAt: Date | null;
  revokeReason: string | null;
}

/** One redemption (or undone redemption) of a coupon. */
export interface RedemptionRecord {
  requestNo: string;
  status: RedemptionStatus;
  orderAmountCents: number;
  discountCents: number;
  payableCents: number;
  storeId: string | null;
  orderId: string | null;
  redeemedAt: Date;
  undoneAt: Date | null;
}

export interface CouponDetail extends CouponRecord {
  redemptions: RedemptionRecord[];
}

/** A keyset page: pass `nextCursor` back as the next search's `cursor`; null on the last page. */
export interface CouponSearchPage {
  items: CouponRecord[];
  nextCursor: string | null;
}

/** What a coupon search may filter on; `pageSize` rows at most, after `cursor`. */
export interface CouponSearch {
  code?: string;
  openid?: string;
  templateId?: number;
  /** Effective status: EXPIRED includes AVAILABLE coupons past validTo. */
  status?: CouponStatus;
  claimedFrom?: Date;
  claimedTo?: Date;
  pageSize: number;
  cursor?: string;
}

export function toCouponRecord(c: Coupon, now = new Date()): CouponRecord {
  return {
    code: c.code,
    templateId: c.templateId,
    templateName: c.template?.name,
    openid: c.openid,
    status: effectiveStatus(c, now),
    channel: c.channel,
    validFrom: c.validFrom,
    validTo: c.validTo,
    claimedAt: c.claimedAt,
    redeemedAt: c.redeemedAt,
    redeemRequestNo: c.redeemRequestNo,
    revokedAt: c.revokedAt,
    revokeReason: c.revokeReason,
  };
}
