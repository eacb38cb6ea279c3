import { chinaClock } from '@app/core';
import { type CouponTemplate, DiscountType } from '../entities/coupon-template.entity';
import { type Coupon, CouponStatus } from '../entities/coupon.entity';
import { CouponRefusal, RedeemRefusal } from '../refusals/coupon-refusals';

export { RedeemRefusal };

/**
 * Everything that decides whether a coupon may be used right now, evaluated at redemption time
 * from the row itself: it never relies on the expiry job having run. Each refusal is a
 * CouponRefusal naming its reason (see there for how the edge answers it).
 */
export function assertRedeemable(
  coupon: Coupon,
  template: CouponTemplate,
  orderAmountCents: number,
  now: Date,
): void {
  if (coupon.status === CouponStatus.USED) {
    throw new CouponRefusal(RedeemRefusal.ALREADY_USED, 'Coupon has already been used');
  }
  if (coupon.status === CouponStatus.REVOKED) {
    throw new CouponRefusal(RedeemRefusal.REVOKED, 'Coupon has been revoked');
  }
  if (coupon.status === CouponStatus.EXPIRED || coupon.validTo.getTime() < now.getTime()) {
    throw new CouponRefusal(RedeemRefusal.EXPIRED, 'Coupon has expired');
  }
  if (coupon.validFrom.getTime() > now.getTime()) {
    throw new CouponRefusal(RedeemRefusal.NOT_YET_VALID, 'Coupon is not valid yet');
  }
  const { weekday, hhmm } = chinaClock(now);
  if (template.usableWeekdays && !template.usableWeekdays.includes(weekday)) {
    throw new CouponRefusal(
      RedeemRefusal.OUTSIDE_USAGE_WINDOW,
      `Coupon is usable on weekdays ${template.usableWeekdays.join(',')} only (China time)`,
    );
  }
  const start = template.usableTimeStart;
  const end = template.usableTimeEnd;
  if (start && end && (hhmm < start || hhmm >= end)) {
    throw new CouponRefusal(
      RedeemRefusal.OUTSIDE_USAGE_WINDOW,
      `Coupon is usable between ${start} and ${end} only (China time)`,
    );
  }
  if (orderAmountCents < template.thresholdCents) {
    throw new CouponRefusal(
      RedeemRefusal.BELOW_THRESHOLD,
      `Order amount ${orderAmountCents} is below the threshold ${template.thresholdCents}`,
    );
  }
}

/** AMOUNT: the face value; PERCENT: floor(order * p / 100) capped; never more than the order. */
export function discountFor(template: CouponTemplate, orderAmountCents: number): number {
  const raw =
    template.discountType === DiscountType.AMOUNT
      ? (template.amountCents ?? 0)
      : Math.min(
          Math.floor((orderAmountCents * (template.percentOff ?? 0)) / 100),
          template.maxDiscountCents ?? Number.MAX_SAFE_INTEGER,
        );
  return Math.max(0, Math.min(raw, orderAmountCents));
}
