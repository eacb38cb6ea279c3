import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsIsoDateTime, PageSize } from '@app/core';
import { COUPON_CODE, type CouponSearch, CouponStatus } from '@app/coupon';

/**
 * Keyset pagination (claimed_at desc, id desc): a page boundary is a position, not an offset, so
 * coupons claimed while someone pages through never shift or repeat rows.
 */
export class SearchCouponsQuery {
  @ApiPropertyOptional({ description: 'Exact coupon code', example: '7K3M9Q2XW8RTV4PZ' })
  @IsOptional()
  @Matches(COUPON_CODE, { message: 'code must be 16 characters of Crockford base32' })
  code?: string;

  @ApiPropertyOptional({ description: "Follower's openid", example: 'oAbC123' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  openid?: string;

  @ApiPropertyOptional({ minimum: 1, example: 12 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  templateId?: number;

  @ApiPropertyOptional({
    enum: CouponStatus,
    enumName: 'CouponStatus',
    description: 'Effective status: EXPIRED includes AVAILABLE coupons past validTo',
  })
  @IsOptional()
  @IsEnum(CouponStatus)
  status?: CouponStatus;

  @ApiPropertyOptional({ format: 'date-time', description: 'claimedAt >= this' })
  @IsOptional()
  @IsIsoDateTime()
  claimedFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'claimedAt < this' })
  @IsOptional()
  @IsIsoDateTime()
  claimedTo?: string;

  @PageSize()
  pageSize: number = 20;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,128}$/, { message: 'cursor is not a valid page cursor' })
  cursor?: string;

  toSearch(): CouponSearch {
    const { claimedFrom, claimedTo, ...rest } = this;
    return {
      ...rest,
      claimedFrom: claimedFrom === undefined ? undefined : new Date(claimedFrom),
      claimedTo: claimedTo === undefined ? undefined : new Date(claimedTo),
    };
  }
}
