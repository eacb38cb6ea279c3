import { type CouponTemplate, ValidityType } from '../entities/coupon-template.entity';

const DAY_MS = 86_400_000;

/** When a coupon claimed at `claimedAt` may be used: RELATIVE counts validDays from the claim,
 * FIXED is the template's own range (the claim time stands in for a missing end). */
export function validityFor(
  t: CouponTemplate,
  claimedAt: Date,
): { validFrom: Date; validTo: Date } {
  if (t.validityType === ValidityType.RELATIVE) {
    return {
      validFrom: claimedAt,
      validTo: new Date(claimedAt.getTime() + (t.validDays ?? 0) * DAY_MS),
    };
  }
  return { validFrom: t.validFrom ?? claimedAt, validTo: t.validTo ?? claimedAt };
}
