import type { CreateTemplateInput as CreateCouponTemplateDto } from './template-input';
import { DiscountType, ValidityType } from '../entities/coupon-template.entity';
import { checkTemplateRules } from './template-rules';

const body = (o: Partial<CreateCouponTemplateDto> = {}): CreateCouponTemplateDto => ({
  name: '新客立减10元',
  discountType: DiscountType.AMOUNT,
  amountCents: 1000,
  totalQuantity: 100,
  perUserLimit: 1,
  claimStartsAt: '2026-03-01T00:00:00Z',
  claimEndsAt: '2026-04-01T00:00:00Z',
  validityType: ValidityType.RELATIVE,
  validDays: 7,
  ...o,
});
const fields = (o: Partial<CreateCouponTemplateDto>) =>
  checkTemplateRules(body(o)).map((e) => e.field);

describe('template rule checks (fields related to each other)', () => {
  it('accepts a consistent AMOUNT/RELATIVE and PERCENT/FIXED template', () => {
    expect(checkTemplateRules(body())).toEqual([]);
    expect(
      fields({
        discountType: DiscountType.PERCENT,
        amountCents: undefined,
        percentOff: 15,
        maxDiscountCents: 2000,
        validityType: ValidityType.FIXED,
        validDays: undefined,
        validFrom: '2026-03-01T00:00:00Z',
        validTo: '2026-05-01T00:00:00Z',
      }),
    ).toEqual([]);
  });

  it('names the field that breaks a rule', () => {
    expect(fields({ claimEndsAt: '2026-03-01T00:00:00Z' })).toEqual(['claimEndsAt']);
    expect(fields({ percentOff: 10 })).toEqual(['percentOff']);
    expect(fields({ maxDiscountCents: 10 })).toEqual(['maxDiscountCents']);
    expect(fields({ thresholdCents: 500 })).toEqual(['amountCents']); // 1000 off a 500 minimum
    expect(fields({ discountType: DiscountType.PERCENT, percentOff: 10 })).toEqual(['amountCents']);
    expect(fields({ validFrom: '2026-03-01T00:00:00Z' })).toEqual(['validFrom']);
    expect(fields({ keyword: '   ' })).toEqual(['keyword']);
    expect(fields({ usableTimeStart: '09:00' })).toEqual(['usableTimeEnd']);
    expect(fields({ usableTimeStart: '10:00', usableTimeEnd: '09:00' })).toEqual(['usableTimeEnd']);
  });

  it('FIXED validity: no validDays, validTo after validFrom and not before the claim start', () => {
    const fixed = { validityType: ValidityType.FIXED, validDays: undefined };
    expect(fields({ ...fixed, validDays: 3 })).toEqual(['validDays']);
    expect(
      fields({ ...fixed, validFrom: '2026-03-10T00:00:00Z', validTo: '2026-03-05T00:00:00Z' }),
    ).toEqual(['validTo']);
    expect(fields({ ...fixed, validTo: '2026-02-01T00:00:00Z' })).toEqual(['validTo']);
  });
});
