import { toApiErrorBody } from '@app/core';
import { CouponRefusal } from '../refusals/coupon-refusals';
import { type CouponTemplate, DiscountType } from '../entities/coupon-template.entity';
import { type Coupon, CouponStatus } from '../entities/coupon.entity';
import { assertRedeemable, discountFor, RedeemRefusal } from './usage-rules';
import { templateFixture } from './usage-rules.fixtures';

// 2026-06-03 is a Wednesday; 02:30 UTC = 10:30 China time.
const NOW = new Date('2026-06-03T02:30:00Z');
const coupon = (over: Partial<Coupon> = {}): Coupon =>
  ({
    status: CouponStatus.AVAILABLE,
    validFrom: new Date('2026-06-01T00:00:00Z'),
    validTo: new Date('2026-06-10T00:00:00Z'),
    ...over,
  }) as Coupon;
const template = templateFixture;

function refusal(fn: () => void): { status: number; reason: string; message: string } | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (!(err instanceof CouponRefusal)) throw err;
    // The status as the HTTP edge answers it (core's one refusal -> status table).
    const body = toApiErrorBody(err);
    return { status: body.statusCode, reason: err.reason, message: body.message };
  }
}
const check = (c: Coupon, t: CouponTemplate, amount = 5000, now = NOW) =>
  refusal(() => assertRedeemable(c, t, amount, now));

describe('assertRedeemable', () => {
  it('accepts a usable coupon', () => {
    expect(check(coupon(), template())).toBeNull();
  });

  it.each([
    [CouponStatus.USED, RedeemRefusal.ALREADY_USED, 'Coupon has already been used'],
    [CouponStatus.REVOKED, RedeemRefusal.REVOKED, 'Coupon has been revoked'],
    [CouponStatus.EXPIRED, RedeemRefusal.EXPIRED, 'Coupon has expired'],
  ])('refuses a %s coupon with 409 %s', (status, reason, message) => {
    expect(check(coupon({ status }), template())).toEqual({ status: 409, reason, message });
  });

  it('decides expiry from valid_to, to the millisecond, whatever the expiry job did', () => {
    const validTo = new Date(NOW.getTime() - 1);
    expect(check(coupon({ validTo }), template())).toMatchObject({ reason: 'EXPIRED' });
    expect(check(coupon({ validTo: NOW }), template())).toBeNull(); // still valid at its end
  });

  it('refuses before valid_from, to the millisecond', () => {
    const later = new Date(NOW.getTime() + 1);
    expect(check(coupon({ validFrom: later }), template())).toEqual({
      status: 409,
      reason: 'NOT_YET_VALID',
      message: 'Coupon is not valid yet',
    });
    expect(check(coupon({ validFrom: NOW }), template())).toBeNull();
  });

  it('checks usable weekdays in China time (Wednesday = 3)', () => {
    expect(check(coupon(), template({ usableWeekdays: [3] }))).toBeNull();
    expect(check(coupon(), template({ usableWeekdays: [1, 2] }))).toEqual({
      status: 409,
      reason: 'OUTSIDE_USAGE_WINDOW',
      message: 'Coupon is usable on weekdays 1,2 only (China time)',
    });
    // 17:00 UTC Tuesday is 01:00 Wednesday in China.
    const lateTuesdayUtc = new Date('2026-06-02T17:00:00Z');
    expect(check(coupon(), template({ usableWeekdays: [3] }), 5000, lateTuesdayUtc)).toBeNull();
    // Sunday is 7, not 0.
    const sunday = new Date('2026-06-07T02:00:00Z');
    expect(check(coupon(), template({ usableWeekdays: [7] }), 5000, sunday)).toBeNull();
  });

  it('checks the daily window in China time, start inclusive and end exclusive', () => {
    const window = { usableTimeStart: '10:30', usableTimeEnd: '11:00' };
    expect(check(coupon(), template(window))).toBeNull(); // 10:30 exactly
    const at = (utc: string) => check(coupon(), template(window), 5000, new Date(utc));
    expect(at('2026-06-03T02:29:59Z')).toEqual({
      status: 409,
      reason: 'OUTSIDE_USAGE_WINDOW',
      message: 'Coupon is usable between 10:30 and 11:00 only (China time)',
    });
    expect(at('2026-06-03T03:00:00Z')).toMatchObject({ reason: 'OUTSIDE_USAGE_WINDOW' });
    expect(at('2026-06-03T02:59:59Z')).toBeNull();
    // Only a complete window restricts.
    expect(check(coupon(), template({ usableTimeStart: '23:00', usableTimeEnd: null }))).toBeNull();
    expect(check(coupon(), template({ usableTimeStart: null, usableTimeEnd: '01:00' }))).toBeNull();
  });

  it('refuses an order below the threshold with 422, accepting one exactly at it', () => {
    expect(check(coupon(), template({ thresholdCents: 5000 }), 5000)).toBeNull();
    expect(check(coupon(), template({ thresholdCents: 5000 }), 4999)).toEqual({
      status: 422,
      reason: 'BELOW_THRESHOLD',
      message: 'Order amount 4999 is below the threshold 5000',
    });
  });

  it('reports the state problem before the window and the threshold', () => {
    const t = template({ usableWeekdays: [1], thresholdCents: 99999 });
    expect(check(coupon({ status: CouponStatus.USED }), t)).toMatchObject({
      reason: 'ALREADY_USED',
    });
    expect(check(coupon(), t)).toMatchObject({ reason: 'OUTSIDE_USAGE_WINDOW' });
  });
});

describe('discountFor', () => {
  it('AMOUNT: the face value, never more than the order', () => {
    expect(discountFor(template({ amountCents: 1000 }), 5000)).toBe(1000);
    expect(discountFor(template({ amountCents: 1000 }), 600)).toBe(600);
    expect(discountFor(template({ amountCents: null }), 600)).toBe(0);
  });

  it('PERCENT: floor(order * p / 100), capped by maxDiscountCents', () => {
    const pct = (p: number, max: number | null = null) =>
      template({ discountType: DiscountType.PERCENT, percentOff: p, maxDiscountCents: max });
    expect(discountFor(pct(15), 999)).toBe(149); // 149.85 floored
    expect(discountFor(pct(15, 100), 999)).toBe(100);
    expect(discountFor(pct(15, 200), 999)).toBe(149);
    expect(discountFor(pct(100), 999)).toBe(999);
    expect(
      discountFor(template({ discountType: DiscountType.PERCENT, percentOff: null }), 999),
    ).toBe(0);
  });
});
