import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FieldError } from '@app/core';
import type { TemplateShapeCheck } from '@app/coupon';
import { CreateCouponTemplateDto } from './create-coupon-template.dto';

/** A merged DRAFT edit checked field by field exactly like a create body (coupon asks for it). */
export const checkTemplateShape: TemplateShapeCheck = (body): FieldError[] =>
  validateSync(plainToInstance(CreateCouponTemplateDto, body), { whitelist: true }).map((e) => ({
    field: e.property,
    errors: Object.values(e.constraints ?? {}),
  }));
