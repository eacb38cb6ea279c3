import { Module } from '@nestjs/common';
import { CouponModule } from '@app/coupon';
import { WechatCallbackController } from './callback/wechat-callback.controller';
import { WechatRequestVerifier } from './callback/wechat-request.verifier';
import { MessageRouter } from './routing/message-router.service';

@Module({
  imports: [CouponModule],
  controllers: [WechatCallbackController],
  providers: [WechatRequestVerifier, MessageRouter],
  exports: [MessageRouter],
})
export class WechatModule {}
