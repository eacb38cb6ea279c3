import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoDateTime } from '@app/core';
import type { OverviewStats, StatsRange, TemplateStats } from '@app/coupon';

export class HourCount {
  @ApiProperty({ format: 'date-time', example: '2026-12-01T08:00:00.000Z' }) hour: string;
  @ApiProperty({ example: 42 }) count: number;
}

export class CouponCounts {
  @ApiProperty({ description: 'Coupons issued (rows)', example: 800 }) issued: number;
  @ApiProperty({ description: 'Stock not yet issued', example: 200 }) remaining: number;
  @ApiProperty({ example: 300 }) redeemed: number;
  @ApiProperty({ description: 'EXPIRED, or AVAILABLE past validity', example: 50 }) expired: number;
  @ApiProperty({ example: 2 }) revoked: number;
  @ApiProperty({
    description: 'redeemed / issued (0 when nothing issued)',
    format: 'double',
    example: 0.375,
  })
  redemptionRate: number;
  @ApiProperty({ description: 'Sum of discounts of redemptions not undone', example: 300000 })
  discountGivenCents: number;
}

export class TemplateStatsView extends CouponCounts {
  @ApiProperty({ example: 12 }) templateId: number;
  @ApiProperty({ example: 1000 }) totalQuantity: number;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({
    type: [HourCount],
    description: 'Claims per UTC hour in [from, to); empty hours are 0',
  })
  claimsPerHour: HourCount[];

  static from(s: TemplateStats): TemplateStatsView {
    const { from, to, claimsPerHour, ...counts } = s;
    return {
      ...counts,
      from: from.toISOString(),
      to: to.toISOString(),
      claimsPerHour: claimsPerHour.map((h) => ({ hour: h.hour.toISOString(), count: h.count })),
    };
  }
}

export class OverviewStatsView extends CouponCounts {
  @ApiProperty({ example: 7 }) templates: number;
  @ApiProperty({ description: 'Templates per status', example: { ACTIVE: 3, DRAFT: 2 } })
  templatesByStatus: Record<string, number>;

  static from(s: OverviewStats): OverviewStatsView {
    return { ...s };
  }
}

export class StatsRangeQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: 24 h before `to`' })
  @IsOptional()
  @IsIsoDateTime()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now' })
  @IsOptional()
  @IsIsoDateTime()
  to?: string;

  toRange(): StatsRange {
    return {
      from: this.from === undefined ? undefined : new Date(this.from),
      to: this.to === undefined ? undefined : new Date(this.to),
    };
  }
}
