import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Transform } from 'class-transformer';
import {
  CouponStatus,
  RedeemRefusal,
  type RedemptionQuote,
  type RedemptionResult,
  type UndoResult,
} from '@app/coupon';

const REQUEST_NO = /^[A-Za-z0-9_\-:.]{1,64}$/;
const REQUEST_NO_MESSAGE = 'requestNo must be 1-64 of [A-Za-z0-9_-:.]';

export class RedeemCouponDto {
  @ApiProperty({
    description: 'Idempotency key chosen by the till; a retry with it returns the first answer',
    example: 'POS1-20261201-000123',
    maxLength: 64,
  })
  @Matches(REQUEST_NO, { message: REQUEST_NO_MESSAGE })
  requestNo: string;

  @ApiProperty({ description: 'Order total in cents, before the discount', example: 5800 })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  orderAmountCents: number;

  @ApiPropertyOptional({ example: 'SH-001', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  storeId?: string;

  @ApiPropertyOptional({ example: 'ORD-778899', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  orderId?: string;
}

export class UndoRedemptionDto {
  @ApiProperty({
    description: 'requestNo of the redemption to undo',
    example: 'POS1-20261201-000123',
  })
  @Matches(REQUEST_NO, { message: REQUEST_NO_MESSAGE })
  requestNo: string;
}

export class RevokeCouponDto {
  @ApiProperty({
    description: 'Why the coupon is withdrawn (kept on the coupon)',
    example: '重复发放',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  reason: string;
}

export class RedemptionResultView {
  @ApiProperty({ example: '7K3M9Q2XW8RTV4PZ' }) code: string;
  @ApiProperty({ enum: [CouponStatus.USED], example: CouponStatus.USED }) status: CouponStatus;
  @ApiProperty({ example: 5800 }) orderAmountCents: number;
  @ApiProperty({ example: 1000 }) discountCents: number;
  @ApiProperty({ example: 4800 }) payableCents: number;
  @ApiProperty({ format: 'date-time' }) redeemedAt: string;
  @ApiProperty({ example: 'POS1-20261201-000123' }) requestNo: string;

  static from(r: RedemptionResult): RedemptionResultView {
    return Object.assign(new RedemptionResultView(), {
      code: r.code,
      status: r.status,
      orderAmountCents: r.orderAmountCents,
      discountCents: r.discountCents,
      payableCents: r.payableCents,
      redeemedAt: r.redeemedAt.toISOString(),
      requestNo: r.requestNo,
    });
  }
}

export class UndoResultView {
  @ApiProperty({ example: '7K3M9Q2XW8RTV4PZ' }) code: string;
  @ApiProperty({
    enum: [CouponStatus.AVAILABLE, CouponStatus.EXPIRED],
    enumName: 'CouponStatus',
    description: 'AVAILABLE again, or EXPIRED when already past its validity',
  })
  status: CouponStatus;
  @ApiProperty({ format: 'date-time' }) undoneAt: string;
  @ApiProperty({ example: 'POS1-20261201-000123' }) requestNo: string;

  static from(r: UndoResult): UndoResultView {
    return Object.assign(new UndoResultView(), {
      code: r.code,
      status: r.status,
      undoneAt: r.undoneAt.toISOString(),
      requestNo: r.requestNo,
    });
  }
}

export class QuoteQuery {
  @ApiProperty({ description: 'Order total in cents, before the discount', example: 5800 })
  // A query string: '' or 'abc' must fail, not become 0.
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : Number.NaN,
  )
  @IsInt({ message: 'orderAmount must be an integer number of cents' })
  @Min(0)
  @Max(1_000_000_000)
  orderAmount: number;
}

export class QuoteRefusalView {
  @ApiProperty({ enum: RedeemRefusal, enumName: 'RedeemRefusal', example: 'BELOW_THRESHOLD' })
  reason: RedeemRefusal;
  @ApiProperty({ example: 'Order amount 3000 is below the threshold 5000' }) message: string;
}

export class RedemptionQuoteView {
  @ApiProperty({ example: '7K3M9Q2XW8RTV4PZ' }) code: string;
  @ApiProperty({ example: 12 }) templateId: number;
  @ApiProperty({ example: '新客立减10元' }) templateName: string;
  @ApiProperty({ example: 5000 }) thresholdCents: number;
  @ApiProperty({ example: 5800 }) orderAmountCents: number;
  @ApiProperty({ description: 'Whether redeeming this order now would succeed', example: true })
  usable: boolean;
  @ApiPropertyOptional({
    type: QuoteRefusalView,
    nullable: true,
    description: 'Why not (what redeeming would answer), when not usable',
  })
  refusal: QuoteRefusalView | null;
  @ApiProperty({ description: '0 when not usable', example: 1000 }) discountCents: number;
  @ApiProperty({ example: 4800 }) payableCents: number;

  static from(q: RedemptionQuote): RedemptionQuoteView {
    return { ...q };
  }
}
