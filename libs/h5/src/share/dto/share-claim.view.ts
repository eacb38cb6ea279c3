import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ShareCouponView {
  @ApiProperty({ example: '7K3M9Q2XW4HT8RZC' }) code: string;
  @ApiProperty({ example: '2026-12-03T00:00:00.000Z' }) validFrom: string;
  @ApiProperty({ example: '2026-12-10T00:00:00.000Z' }) validTo: string;
}

/** The friend's claim through a share link. */
export class ShareClaimView {
  @ApiProperty({
    example: 'GRANTED',
    description:
      'GRANTED, SOLD_OUT, LIMIT_REACHED, DAILY_LIMIT_REACHED, NOT_STARTED, ENDED, PAUSED, NOT_FOUND, RATE_LIMITED, ERROR',
  })
  outcome: string;

  @ApiPropertyOptional({ type: ShareCouponView, description: 'Present when GRANTED' })
  coupon?: ShareCouponView;
}
