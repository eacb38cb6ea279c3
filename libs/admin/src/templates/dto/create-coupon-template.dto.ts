import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsIsoDateTime } from '@app/core';
import { type CreateTemplateInput, DiscountType, ValidityType } from '@app/coupon';

const MAX_CENTS = 100_000_000;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CreateCouponTemplateDto implements CreateTemplateInput {
  @ApiProperty({ example: '新客立减10元', maxLength: 64 })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name: string;

  @ApiPropertyOptional({ example: '满50可用，每人限领1张', maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  description?: string;

  @ApiProperty({ enum: DiscountType, enumName: 'DiscountType', example: DiscountType.AMOUNT })
  @IsEnum(DiscountType)
  discountType: DiscountType;

  @ApiPropertyOptional({ description: 'Required for AMOUNT: discount in cents', example: 1000 })
  @ValidateIf(
    (o: CreateCouponTemplateDto) =>
      o.discountType === DiscountType.AMOUNT || o.amountCents !== undefined,
  )
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents?: number;

  @ApiPropertyOptional({ description: 'Required for PERCENT: 1-99 percent off', example: 20 })
  @ValidateIf(
    (o: CreateCouponTemplateDto) =>
      o.discountType === DiscountType.PERCENT || o.percentOff !== undefined,
  )
  @IsInt()
  @Min(1)
  @Max(99)
  percentOff?: number;

  @ApiPropertyOptional({
    description: 'PERCENT only: cap on the discount, in cents',
    example: 2000,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  maxDiscountCents?: number;

  @ApiPropertyOptional({
    description: 'Minimum order amount in cents (0 = none)',
    example: 5000,
    default: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  thresholdCents?: number;

  @ApiProperty({ description: 'Stock: coupons that can ever be issued', example: 100, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  totalQuantity: number;

  @ApiPropertyOptional({ description: 'Coupons one follower may claim', example: 1, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  perUserLimit?: number;

  @ApiPropertyOptional({
    description: 'Claims granted per China calendar day (unset = no daily cap)',
    example: 50,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  dailyLimit?: number;

  @ApiPropertyOptional({
    description: 'ISO weekdays (1 = Mon ... 7 = Sun, China time) the coupon may be redeemed',
    example: [1, 2, 3, 4, 5],
    type: [Number],
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  usableWeekdays?: number[];

  @ApiPropertyOptional({
    description: 'Start of the daily redemption window, HH:mm China time (with usableTimeEnd)',
    example: '10:00',
  })
  @IsOptional()
  @Matches(HH_MM, { message: 'usableTimeStart must be HH:mm (00:00-23:59)' })
  usableTimeStart?: string;

  @ApiPropertyOptional({
    description: 'End (exclusive) of the daily redemption window, HH:mm China time',
    example: '22:00',
  })
  @IsOptional()
  @Matches(HH_MM, { message: 'usableTimeEnd must be HH:mm (00:00-23:59)' })
  usableTimeEnd?: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T00:00:00.000Z' })
  @IsIsoDateTime()
  claimStartsAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-31T23:59:59.000Z' })
  @IsIsoDateTime()
  claimEndsAt: string;

  @ApiProperty({ enum: ValidityType, enumName: 'ValidityType', example: ValidityType.RELATIVE })
  @IsEnum(ValidityType)
  validityType: ValidityType;

  @ApiPropertyOptional({ format: 'date-time', description: 'Required for FIXED validity' })
  @ValidateIf(
    (o: CreateCouponTemplateDto) =>
      o.validityType === ValidityType.FIXED || o.validFrom !== undefined,
  )
  @IsIsoDateTime()
  validFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Required for FIXED validity' })
  @ValidateIf(
    (o: CreateCouponTemplateDto) =>
      o.validityType === ValidityType.FIXED || o.validTo !== undefined,
  )
  @IsIsoDateTime()
  validTo?: string;

  @ApiPropertyOptional({
    description: 'Required for RELATIVE: days valid after claiming',
    example: 7,
  })
  @ValidateIf(
    (o: CreateCouponTemplateDto) =>
      o.validityType === ValidityType.RELATIVE || o.validDays !== undefined,
  )
  @IsInt()
  @Min(1)
  @Max(3650)
  validDays?: number;

  @ApiPropertyOptional({
    description: 'Text a follower sends to claim (unique among live templates)',
    example: '优惠券',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  keyword?: string;

  @ApiPropertyOptional({
    description: 'Custom-menu CLICK EventKey that claims this template',
    example: 'COUPON_NEWUSER',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_\-:.]{1,128}$/, { message: 'menuKey must be 1-128 of [A-Za-z0-9_-:.]' })
  menuKey?: string;

  @ApiPropertyOptional({
    description: 'Granted to new followers on subscribe (at most one live welcome template)',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  welcome?: boolean;

  @ApiPropertyOptional({
    description:
      'Only members of this audience may claim (others hear "该活动仅限特定用户参与"); set while DRAFT',
    example: 3,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  audienceId?: number;
}
