import { type CouponTemplate, DiscountType } from '../entities/coupon-template.entity';

/** An AMOUNT template (10 yuan off, no threshold, usable any time) for the usage-rule specs. */
export const templateFixture = (over: Partial<CouponTemplate> = {}): CouponTemplate =>
  ({
    discountType: DiscountType.AMOUNT,
    amountCents: 1000,
    percentOff: null,
    maxDiscountCents: null,
    thresholdCents: 0,
    usableWeekdays: null,
    usableTimeStart: null,
    usableTimeEnd: null,
    ...over,
  }) as CouponTemplate;
