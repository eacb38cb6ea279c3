import { toApiErrorBody } from '@app/core';
import { CouponRefusal } from '../refusals/coupon-refusals';
import { DiscountType } from '../entities/coupon-template.entity';
import { type Coupon, CouponStatus } from '../entities/coupon.entity';
import { assertRedeemable, discountFor, RedeemRefusal } from './usage-rules';
import { templateFixture } from './usage-rules.fixtures';

const template = templateFixture;

// 2026-03-02 is a Monday; 02:00 UTC is 10:00 in China.
const NOW = new Date('2026-03-02T02:00:00Z');
const coupon = (c: Partial<Coupon> = {}): Coupon =>
  ({
    status: CouponStatus.AVAILABLE,
    validFrom: new Date('2026-03-01T00:00:00Z'),
    validTo: new Date('2026-03-31T00:00:00Z'),
    ...c,
  }) as Coupon;

function refusal(fn: () => void): { status: number; reason: unknown } {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof CouponRefusal)) throw err;
    const body = toApiErrorBody(err) as { statusCode: number; details?: { reason?: unknown } };
    return { status: body.statusCode, reason: body.details?.reason };
  }
  throw new Error('expected a refusal');
}

describe('usage rules (assertRedeemable)', () => {
  it('lets an available coupon inside its validity and windows through', () => {
    expect(() => assertRedeemable(coupon(), template(), 5000, NOW)).not.toThrow();
  });

  it.each([
    [{ status: CouponStatus.USED }, RedeemRefusal.ALREADY_USED],
    [{ status: CouponStatus.REVOKED }, RedeemRefusal.REVOKED],
    [{ status: CouponStatus.EXPIRED }, RedeemRefusal.EXPIRED],
    // Past valid_to counts as expired even when the expiry job has not run.
    [{ validTo: new Date('2026-03-02T01:59:59Z') }, RedeemRefusal.EXPIRED],
    [{ validFrom: new Date('2026-03-02T02:00:01Z') }, RedeemRefusal.NOT_YET_VALID],
  ])('refuses %j with 409 %s', (c, reason) => {
    expect(refusal(() => assertRedeemable(coupon(c), template(), 5000, NOW))).toEqual({
      status: 409,
      reason,
    });
  });

  it('reads weekday and time windows in China time', () => {
    const monday = template({ usableWeekdays: [1] });
    expect(() => assertRedeemable(coupon(), monday, 5000, NOW)).not.toThrow();
    // 2026-03-01T20:00Z is already Monday 04:00 in China.
    expect(() =>
      assertRedeemable(coupon(), monday, 5000, new Date('2026-03-01T20:00:00Z')),
    ).not.toThrow();
    const weekend = template({ usableWeekdays: [6, 7] });
    expect(refusal(() => assertRedeemable(coupon(), weekend, 5000, NOW)).reason).toBe(
      RedeemRefusal.OUTSIDE_USAGE_WINDOW,
    );
    const mornings = template({ usableTimeStart: '09:00', usableTimeEnd: '10:00' });
    // 10:00 China time: the end is exclusive.
    expect(refusal(() => assertRedeemable(coupon(), mornings, 5000, NOW)).reason).toBe(
      RedeemRefusal.OUTSIDE_USAGE_WINDOW,
    );
    const at0959 = new Date('2026-03-02T01:59:00Z');
    expect(() => assertRedeemable(coupon(), mornings, 5000, at0959)).not.toThrow();
  });

  it('refuses an order below the threshold with 422', () => {
    const t = template({ thresholdCents: 5000 });
    expect(refusal(() => assertRedeemable(coupon(), t, 4999, NOW))).toEqual({
      status: 422,
      reason: RedeemRefusal.BELOW_THRESHOLD,
    });
    expect(() => assertRedeemable(coupon(), t, 5000, NOW)).not.toThrow();
  });

  it('checks state before windows before the threshold', () => {
    const t = template({ thresholdCents: 5000, usableWeekdays: [7] });
    expect(
      refusal(() => assertRedeemable(coupon({ status: CouponStatus.USED }), t, 1, NOW)).reason,
    ).toBe(RedeemRefusal.ALREADY_USED);
    expect(refusal(() => assertRedeemable(coupon(), t, 1, NOW)).reason).toBe(
      RedeemRefusal.OUTSIDE_USAGE_WINDOW,
    );
  });
});

describe('discount computation (discountFor)', () => {
  it('AMOUNT: the face value, never more than the order', () => {
    expect(discountFor(template({ amountCents: 1000 }), 5000)).toBe(1000);
    expect(discountFor(template({ amountCents: 1000 }), 600)).toBe(600);
  });

  it('PERCENT: floor(order * p / 100), capped by maxDiscountCents', () => {
    const pct = (p: number, max: number | null = null) =>
      template({
        discountType: DiscountType.PERCENT,
        amountCents: null,
        percentOff: p,
        maxDiscountCents: max,
      });
    expect(discountFor(pct(15), 999)).toBe(149); // 149.85 rounds down: never over-discount
    expect(discountFor(pct(15, 100), 999)).toBe(100);
    expect(discountFor(pct(100), 999)).toBe(999);
    expect(discountFor(pct(20), 0)).toBe(0);
  });
});
