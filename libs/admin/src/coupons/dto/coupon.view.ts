import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ClaimChannel,
  type CouponDetail,
  type CouponRecord,
  type CouponSearchPage,
  CouponStatus,
  type RedemptionRecord,
  RedemptionStatus,
} from '@app/coupon';

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

  static from(r: RedemptionRecord): RedemptionView {
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

  /** `status` is already the effective one (coupon's effectiveStatus). */
  static from(c: CouponRecord): CouponView {
    return Object.assign(new CouponView(), {
      code: c.code,
      templateId: c.templateId,
      templateName: c.templateName,
      openid: c.openid,
      status: c.status,
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

  static fromDetail(d: CouponDetail): CouponView {
    const view = CouponView.from(d);
    view.redemptions = d.redemptions.map((r) => RedemptionView.from(r));
    return view;
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

  static from(p: CouponSearchPage): CouponPage {
    return { items: p.items.map((c) => CouponView.from(c)), nextCursor: p.nextCursor };
  }
}
