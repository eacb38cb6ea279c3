import type { FieldError } from '@app/core';
import { DiscountType, ValidityType } from '../entities/coupon-template.entity';
import type { CreateTemplateInput } from './template-input';

/** Rules that relate fields to each other (the edge checks each field on its own). */
export function checkTemplateRules(dto: CreateTemplateInput): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, errors: [message] });
  if (Date.parse(dto.claimEndsAt) <= Date.parse(dto.claimStartsAt)) {
    add('claimEndsAt', 'claimEndsAt must be after claimStartsAt');
  }
  if (dto.discountType === DiscountType.AMOUNT) {
    if (dto.percentOff !== undefined) add('percentOff', 'percentOff is only for PERCENT discounts');
    if (dto.maxDiscountCents !== undefined) {
      add('maxDiscountCents', 'maxDiscountCents is only for PERCENT discounts');
    }
    if (dto.thresholdCents && dto.amountCents && dto.amountCents > dto.thresholdCents) {
      add('amountCents', 'amountCents must not exceed thresholdCents');
    }
  } else if (dto.amountCents !== undefined) {
    add('amountCents', 'amountCents is only for AMOUNT discounts');
  }
  if (dto.validityType === ValidityType.FIXED) {
    if (dto.validDays !== undefined) add('validDays', 'validDays is only for RELATIVE validity');
    if (dto.validFrom && dto.validTo && Date.parse(dto.validTo) <= Date.parse(dto.validFrom)) {
      add('validTo', 'validTo must be after validFrom');
    }
    if (dto.validTo && Date.parse(dto.validTo) < Date.parse(dto.claimStartsAt)) {
      add('validTo', 'validTo must not be before claimStartsAt');
    }
  } else {
    if (dto.validFrom !== undefined) add('validFrom', 'validFrom is only for FIXED validity');
    if (dto.validTo !== undefined) add('validTo', 'validTo is only for FIXED validity');
  }
  if (dto.keyword !== undefined && dto.keyword.trim() === '')
    add('keyword', 'keyword must not be blank');
  if ((dto.usableTimeStart === undefined) !== (dto.usableTimeEnd === undefined)) {
    add('usableTimeEnd', 'usableTimeStart and usableTimeEnd go together');
  } else if (dto.usableTimeStart && dto.usableTimeEnd && dto.usableTimeEnd <= dto.usableTimeStart) {
    add('usableTimeEnd', 'usableTimeEnd must be after usableTimeStart');
  }
  return errors;
}
