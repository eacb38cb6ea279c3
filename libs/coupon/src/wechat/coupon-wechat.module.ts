import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { WechatModule } from '@app/wechat';
import { CouponModule } from '../coupon.module';
import { FollowersModule } from '../followers/followers.module';
import { CouponMessageHandler } from './coupon-message.handler';
import { couponConfig } from '../coupon.settings';

/** Plugs the coupon feature into the /wx dispatcher (claims, 我的优惠券, phone binding). */
@Module({
  imports: [WechatModule, CouponModule, FollowersModule, ConfigModule.forFeature(couponConfig)],
  providers: [CouponMessageHandler],
})
export class CouponWechatModule {}
