import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Hand-written SQL on the `coupon` table lives in CouponRepository. The claim path's guarded
 * INSERT (CouponWriter) and catch-up read (ClaimService), redemption's in-transaction
 * compare-and-set UPDATEs and the stock reconciler's passes are the named exceptions.
 */
const ROOT = join(__dirname, '..', '..');
const ALLOWED = new Set([
  'libs/coupon/src/coupons/coupon.repository.ts',
  'libs/coupon/src/issuance/coupon-writer.ts',
  'libs/coupon/src/issuance/claim.service.ts',
  'libs/coupon/src/redemption/redemption.service.ts',
  'libs/coupon/src/issuance/stock-reconciler.ts',
]);
const SQL_ON_COUPON = /\b(FROM|UPDATE|INTO|JOIN)\s+coupon\b(?!_)/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('raw SQL on coupon', () => {
  it('is written only in CouponRepository (and the named exceptions)', () => {
    const writers = sources(join(ROOT, 'libs'))
      .filter((f) => SQL_ON_COUPON.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(writers.filter((f) => !ALLOWED.has(f))).toEqual([]);
    expect(writers).toContain('libs/coupon/src/coupons/coupon.repository.ts');
  });
});
