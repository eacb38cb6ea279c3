import { Module } from '@nestjs/common';
import { CouponModule, FollowersModule } from '@app/coupon';
import { IpAllowlistGuard } from './allowlist/ip-allowlist.guard';
import { IpAllowlistService } from './allowlist/ip-allowlist.service';
import { IpRejectionCounter } from './allowlist/ip-rejection.counter';
import { WechatApiClient } from './api/wechat-api.client';
import { WechatHttp } from './api/wechat-http';
import { WechatMenuService } from './menu/wechat-menu.service';
import { LateReplyNotifier } from './notify/late-reply.notifier';
import { SessionSigner } from './oauth/session-signer';
import { WechatOAuthController } from './oauth/wechat-oauth.controller';
import { WechatOAuthService } from './oauth/wechat-oauth.service';
import { AccessTokenService } from './token/access-token.service';
import { TokenSource } from './token/token-source';
import { WechatCallbackController } from './callback/wechat-callback.controller';
import { WechatRequestVerifier } from './callback/wechat-request.verifier';
import { MessageRouter } from './routing/message-router.service';
import { FollowerClaimThrottle } from './throttle/follower-claim-throttle';

@Module({
  imports: [CouponModule, FollowersModule],
  controllers: [WechatCallbackController, WechatOAuthController],
  providers: [
    WechatRequestVerifier,
    MessageRouter,
    FollowerClaimThrottle,
    WechatHttp,
    TokenSource,
    AccessTokenService,
    WechatApiClient,
    WechatMenuService,
    LateReplyNotifier,
    IpRejectionCounter,
    IpAllowlistService,
    IpAllowlistGuard,
    SessionSigner,
    WechatOAuthService,
  ],
  exports: [
    MessageRouter,
    AccessTokenService,
    WechatApiClient,
    WechatMenuService,
    IpRejectionCounter,
    SessionSigner,
  ],
})
export class WechatModule {}
