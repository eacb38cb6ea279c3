import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { REDIS_CLIENT, type RedisClient } from '@app/core';
import { CouponTemplate } from './entities/coupon-template.entity';
import { Coupon } from './entities/coupon.entity';
import { ClaimService } from './issuance/claim.service';
import { CouponWriter } from './issuance/coupon-writer';
import { ISSUANCE_SCRIPTS } from './issuance/issuance.constants';
import { defineIssuanceScripts } from './issuance/issuance-scripts';
import { TemplateStateService } from './issuance/template-state.service';
import { CouponTemplateService } from './templates/coupon-template.service';

@Module({
  imports: [TypeOrmModule.forFeature([CouponTemplate, Coupon])],
  providers: [
    {
      provide: ISSUANCE_SCRIPTS,
      inject: [REDIS_CLIENT],
      useFactory: (redis: RedisClient) => defineIssuanceScripts(redis),
    },
    TemplateStateService,
    CouponWriter,
    ClaimService,
    CouponTemplateService,
  ],
  exports: [ClaimService, CouponTemplateService, TemplateStateService],
})
export class CouponModule {}
