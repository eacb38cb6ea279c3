import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { REDIS_CLIENT, type RedisClient } from '@app/core';
import { Audience } from './audiences/audience.entity';
import { AudienceGate } from './audiences/audience-gate';
import { AudienceService } from './audiences/audience.service';
import { CouponTemplate } from './entities/coupon-template.entity';
import { Coupon } from './entities/coupon.entity';
import { CouponCsvExporter } from './coupons/coupon-csv';
import { CouponQueryService } from './coupons/coupon-query.service';
import { CouponRepository } from './coupons/coupon.repository';
import { CouponRevocationService } from './coupons/coupon-revocation.service';
import { CouponExpiryScheduler } from './expiry/coupon-expiry.scheduler';
import { StockReconciler } from './issuance/stock-reconciler';
import { CouponExpiryService } from './expiry/coupon-expiry.service';
import { CouponRedemption } from './redemption/coupon-redemption.entity';
import { RedemptionService } from './redemption/redemption.service';
import { CouponStatsService } from './stats/coupon-stats.service';
import { ClaimService } from './issuance/claim.service';
import { CouponWriter } from './issuance/coupon-writer';
import { ISSUANCE_SCRIPTS } from './issuance/issuance.constants';
import { defineIssuanceScripts } from './issuance/issuance-scripts';
import { TemplateStateService } from './issuance/template-state.service';
import { CouponTemplateService } from './templates/coupon-template.service';
import { couponConfig } from './coupon.settings';

@Module({
  imports: [
    TypeOrmModule.forFeature([CouponTemplate, Coupon, CouponRedemption, Audience]),
    ConfigModule.forFeature(couponConfig),
  ],
  providers: [
    {
      provide: ISSUANCE_SCRIPTS,
      inject: [REDIS_CLIENT],
      useFactory: (redis: RedisClient) => defineIssuanceScripts(redis),
    },
    CouponRepository,
    AudienceGate,
    AudienceService,
    TemplateStateService,
    CouponWriter,
    ClaimService,
    CouponTemplateService,
    CouponQueryService,
    CouponRevocationService,
    CouponCsvExporter,
    RedemptionService,
    CouponExpiryService,
    CouponExpiryScheduler,
    StockReconciler,
    CouponStatsService,
  ],
  exports: [
    AudienceService,
    ClaimService,
    CouponTemplateService,
    TemplateStateService,
    CouponQueryService,
    CouponRevocationService,
    CouponCsvExporter,
    RedemptionService,
    CouponExpiryService,
    CouponStatsService,
  ],
})
export class CouponModule {}
