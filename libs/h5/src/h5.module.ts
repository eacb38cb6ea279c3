import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { CouponModule } from '@app/coupon';
import { GrowthModule } from '@app/growth';
import { WechatModule } from '@app/wechat';
import { h5Config } from './h5.settings';
import { JssdkController } from './jssdk/jssdk.controller';
import { FollowerSessionGuard, FollowerSessions } from './session/follower-session';
import { ShareController } from './share/share.controller';

/** Edge for followers' browsers inside WeChat: OAuth session, share pages and their JSON API. */
@Module({
  imports: [ConfigModule.forFeature(h5Config), WechatModule, CouponModule, GrowthModule],
  controllers: [ShareController, JssdkController],
  providers: [FollowerSessions, FollowerSessionGuard],
})
export class H5Module {}
