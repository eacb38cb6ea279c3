import { type PipeTransform } from '@nestjs/common';
import { COUPON_CODE } from '@app/coupon';
import { fieldError } from '@app/core';

/** Tills type codes by hand: accept any case, refuse (400) what can never be a code. */
export class CouponCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const code = value.trim().toUpperCase();
    if (!COUPON_CODE.test(code)) {
      throw fieldError('code', 'code must be 16 characters of Crockford base32');
    }
    return code;
  }
}
