import { CouponStatus } from '../entities/coupon.entity';
import { effectiveStatus } from './coupon-record';

const NOW = new Date('2026-03-02T10:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe('effective coupon status (effectiveStatus)', () => {
  it('AVAILABLE past its validTo reads as EXPIRED before the expiry job marks it', () => {
    expect(effectiveStatus({ status: CouponStatus.AVAILABLE, validTo: at(-1) }, NOW)).toBe(
      CouponStatus.EXPIRED,
    );
  });

  it('AVAILABLE up to and including the validTo instant', () => {
    expect(effectiveStatus({ status: CouponStatus.AVAILABLE, validTo: NOW }, NOW)).toBe(
      CouponStatus.AVAILABLE,
    );
    expect(effectiveStatus({ status: CouponStatus.AVAILABLE, validTo: at(1) }, NOW)).toBe(
      CouponStatus.AVAILABLE,
    );
  });

  it.each([CouponStatus.USED, CouponStatus.REVOKED, CouponStatus.EXPIRED])(
    '%s stays what it is, whatever the date',
    (status) => {
      expect(effectiveStatus({ status, validTo: at(-86_400_000) }, NOW)).toBe(status);
      expect(effectiveStatus({ status, validTo: at(86_400_000) }, NOW)).toBe(status);
    },
  );
});
