import { Module } from '@nestjs/common';
import { WechatModule } from '@app/wechat';
import { CouponModule } from '../coupon.module';
import { FollowersModule } from '../followers/followers.module';
import { CouponMessageHandler } from './coupon-message.handler';

/** Plugs the coupon feature into the /wx dispatcher (claims, 我的优惠券, phone binding). */
@Module({
  imports: [WechatModule, CouponModule, FollowersModule],
  providers: [CouponMessageHandler],
})
export class CouponWechatModule {}
