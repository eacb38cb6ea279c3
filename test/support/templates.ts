import type { INestApplication } from '@nestjs/common';
import {
  type CouponTemplate,
  CouponTemplateService,
  type CreateTemplateInput as CreateCouponTemplateDto,
  DiscountType,
  ValidityType,
} from '@app/coupon';

let seq = 0;

/** A valid template body: claimable now, 7 days validity after claiming. */
export function templateBody(
  overrides: Partial<CreateCouponTemplateDto> = {},
): CreateCouponTemplateDto {
  seq += 1;
  const now = Date.now();
  return {
    name: `测试券 ${seq}`,
    discountType: DiscountType.AMOUNT,
    amountCents: 1000,
    totalQuantity: 100,
    perUserLimit: 1,
    claimStartsAt: new Date(now - 60_000).toISOString(),
    claimEndsAt: new Date(now + 3_600_000).toISOString(),
    validityType: ValidityType.RELATIVE,
    validDays: 7,
    keyword: `领券${seq}-${process.pid}`,
    menuKey: `MENU_${seq}_${process.pid}`,
    ...overrides,
  };
}

/** Creates and activates a template through the service (the admin API has its own tests). */
export async function activeTemplate(
  app: INestApplication,
  overrides: Partial<CreateCouponTemplateDto> = {},
): Promise<CouponTemplate> {
  const service = app.get(CouponTemplateService);
  const created = await service.create(templateBody(overrides));
  return service.transition(created.id, 'activate');
}
