import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ClaimChannel, type Coupon, CouponStatus } from '../entities/coupon.entity';
import type { CouponRedemption } from '../redemption/coupon-redemption.entity';
import { RedemptionStatus } from '../redemption/coupon-redemption.entity';

/** AVAILABLE past its validity reads as EXPIRED even before the expiry job has marked it. */
export function effectiveStatus(
  c: Pick<Coupon, 'status' | 'validTo'>,
  now = new Date(),
): CouponStatus {
  return c.status === CouponStatus.AVAILABLE && c.validTo.getTime() < now.getTime()
    ? CouponStatus.EXPIRED
    : c.status;
}

export class RedemptionView {
  @ApiProperty({ example: 'POS1-20261201-000123' }) requestNo: string;
  @ApiProperty({ enum: RedemptionStatus, enumName: 'RedemptionStatus' }) status: RedemptionStatus;
  @ApiProperty({ example: 5800 }) orderAmountCents: number;
  @ApiProperty({ example: 1000 }) discountCents: number;
  @ApiProperty({ example: 4800 }) payableCents: number;
  @ApiPropertyOptional({ nullable: true, type: String }) storeId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) orderId: string | null;
  @ApiProperty({ format: 'date-time' }) redeemedAt: string;
  @ApiPropertyOptional({ nullable: true, format: 'date-time', type: String }) undoneAt:
    string | null;

  static from(r: CouponRedemption): RedemptionView {
    return Object.assign(new RedemptionView(), {
      requestNo: r.requestNo,
      status: r.status,
      orderAmountCents: r.orderAmountCents,
      discountCents: r.discountCents,
      payableCents: r.payableCents,
      storeId: r.storeId,
      orderId: r.orderId,
      redeemedAt: r.redeemedAt.toISOString(),
      undoneAt: r.undoneAt?.toISOString() ?? null,
    });
  }
}

/** A coupon as the admin API shows it; times are ISO-8601 UTC. */
export class CouponView {
  @ApiProperty({ example: '7K3M9Q2XW8RTV4PZ' }) code: string;
  @ApiProperty({ example: 12 }) templateId: number;
  @ApiPropertyOptional({ example: '新客立减10元' }) templateName?: string;
  @ApiProperty({ example: 'oAbC123...' }) openid: string;
  @ApiProperty({
    enum: CouponStatus,
    enumName: 'CouponStatus',
    description: 'AVAILABLE past validTo is shown as EXPIRED even before the expiry job ran',
  })
  status: CouponStatus;
  @ApiProperty({ enum: ClaimChannel, enumName: 'ClaimChannel' }) channel: ClaimChannel;
  @ApiProperty({ format: 'date-time' }) validFrom: string;
  @ApiProperty({ format: 'date-time' }) validTo: string;
  @ApiProperty({ format: 'date-time' }) claimedAt: string;
  @ApiPropertyOptional({ nullable: true, format: 'date-time', type: String }) redeemedAt:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) redeemRequestNo: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'date-time', type: String }) revokedAt:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) revokeReason: string | null;
  @ApiPropertyOptional({ type: [RedemptionView], description: 'Detail view only' })
  redemptions?: RedemptionView[];

  static from(c: Coupon, now = new Date()): CouponView {
    return Object.assign(new CouponView(), {
      code: c.code,
      templateId: c.templateId,
      templateName: c.template?.name,
      openid: c.openid,
      status: effectiveStatus(c, now),
      channel: c.channel,
      validFrom: c.validFrom.toISOString(),
      validTo: c.validTo.toISOString(),
      claimedAt: c.claimedAt.toISOString(),
      redeemedAt: c.redeemedAt?.toISOString() ?? null,
      redeemRequestNo: c.redeemRequestNo,
      revokedAt: c.revokedAt?.toISOString() ?? null,
      revokeReason: c.revokeReason,
    });
  }
}

export class CouponPage {
  @ApiProperty({ type: [CouponView] }) items: CouponView[];
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
