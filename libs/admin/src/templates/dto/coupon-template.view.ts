import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CouponTemplate, DiscountType, TemplateStatus, ValidityType } from '@app/coupon';

/** What the admin API returns for a template; times are ISO-8601 UTC. */
export class CouponTemplateView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: TemplateStatus, enumName: 'TemplateStatus' }) status: TemplateStatus;
  @ApiProperty({ enum: DiscountType, enumName: 'DiscountType' }) discountType: DiscountType;
  @ApiPropertyOptional({ nullable: true, type: Number }) amountCents: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) percentOff: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) maxDiscountCents: number | null;
  @ApiProperty() thresholdCents: number;
  @ApiProperty() totalQuantity: number;
  @ApiProperty() perUserLimit: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Claims per China day' })
  dailyLimit: number | null;
  @ApiPropertyOptional({ nullable: true, type: [Number], description: '1 = Mon ... 7 = Sun' })
  usableWeekdays: number[] | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '10:00' })
  usableTimeStart: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '22:00' })
  usableTimeEnd: string | null;
  @ApiProperty({ format: 'date-time' }) claimStartsAt: string;
  @ApiProperty({ format: 'date-time' }) claimEndsAt: string;
  @ApiProperty({ enum: ValidityType, enumName: 'ValidityType' }) validityType: ValidityType;
  @ApiPropertyOptional({ nullable: true, format: 'date-time', type: String }) validFrom:
    string | null;
  @ApiPropertyOptional({ nullable: true, format: 'date-time', type: String }) validTo:
    string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) validDays: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) keyword: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) menuKey: string | null;
  @ApiProperty({ description: 'Granted on subscribe' }) welcome: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Only this audience may claim (null: every follower)',
    example: 3,
  })
  audienceId: number | null;
  @ApiProperty({ description: 'Bumped on every change' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiPropertyOptional({ description: 'Coupons issued (committed rows)' })
  issuedCount?: number;
  @ApiPropertyOptional({ description: 'totalQuantity - issuedCount' })
  remaining?: number;

  static from(t: CouponTemplate, issuedCount?: number): CouponTemplateView {
    const v = new CouponTemplateView();
    Object.assign(v, {
      id: t.id,
      name: t.name,
      description: t.description,
      status: t.status,
      discountType: t.discountType,
      amountCents: t.amountCents,
      percentOff: t.percentOff,
      maxDiscountCents: t.maxDiscountCents,
      thresholdCents: t.thresholdCents,
      totalQuantity: t.totalQuantity,
      perUserLimit: t.perUserLimit,
      dailyLimit: t.dailyLimit,
      usableWeekdays: t.usableWeekdays,
      usableTimeStart: t.usableTimeStart,
      usableTimeEnd: t.usableTimeEnd,
      claimStartsAt: t.claimStartsAt.toISOString(),
      claimEndsAt: t.claimEndsAt.toISOString(),
      validityType: t.validityType,
      validFrom: t.validFrom?.toISOString() ?? null,
      validTo: t.validTo?.toISOString() ?? null,
      validDays: t.validDays,
      keyword: t.keyword,
      menuKey: t.menuKey,
      welcome: t.welcome,
      audienceId: t.audienceId,
      version: t.version,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    });
    if (issuedCount !== undefined) {
      v.issuedCount = issuedCount;
      v.remaining = Math.max(0, t.totalQuantity - issuedCount);
    }
    return v;
  }
}

export class CouponTemplatePage {
  @ApiProperty({ type: [CouponTemplateView] }) items: CouponTemplateView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
