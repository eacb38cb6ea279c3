import { type CouponTemplate, ValidityType } from '../entities/coupon-template.entity';
import { validityFor } from './validity';

const CLAIMED = new Date('2026-03-02T10:00:00Z');

describe('coupon validity (validityFor)', () => {
  it('RELATIVE: from the claim, validDays later', () => {
    const t = { validityType: ValidityType.RELATIVE, validDays: 7 } as CouponTemplate;
    expect(validityFor(t, CLAIMED)).toEqual({
      validFrom: CLAIMED,
      validTo: new Date('2026-03-09T10:00:00Z'),
    });
  });

  it('FIXED: the template range, whenever the coupon was claimed', () => {
    const t = {
      validityType: ValidityType.FIXED,
      validFrom: new Date('2026-04-01T00:00:00Z'),
      validTo: new Date('2026-04-30T16:00:00Z'),
    } as CouponTemplate;
    expect(validityFor(t, CLAIMED)).toEqual({ validFrom: t.validFrom, validTo: t.validTo });
  });

  it('FIXED without a start: valid from the claim', () => {
    const t = {
      validityType: ValidityType.FIXED,
      validFrom: null,
      validTo: new Date('2026-04-30T16:00:00Z'),
    } as CouponTemplate;
    expect(validityFor(t, CLAIMED).validFrom).toEqual(CLAIMED);
  });
});
