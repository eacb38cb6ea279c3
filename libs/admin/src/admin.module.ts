import { Module } from '@nestjs/common';
import { CouponModule } from '@app/coupon';
import { AuthModule } from './auth/auth.module';
import { CouponTemplatesController } from './templates/coupon-templates.controller';

@Module({
  imports: [AuthModule, CouponModule],
  controllers: [CouponTemplatesController],
})
export class AdminModule {}
