import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { IpAllowlistService } from './allowlist/ip-allowlist.service';
import { IpRejectionCounter } from './allowlist/ip-rejection.counter';
import { WechatApiClient } from './api/wechat-api.client';
import { WechatHttp } from './api/wechat-http';
import { WechatTagsClient } from './tags/wechat-tags.client';
import { WechatMenuService } from './menu/wechat-menu.service';
import { LateReplyNotifier } from './notify/late-reply.notifier';
import { SessionSigner } from './oauth/session-signer';
import { WechatOAuthController } from './oauth/wechat-oauth.controller';
import { WechatOAuthService } from './oauth/wechat-oauth.service';
import { AccessTokenService } from './token/access-token.service';
import { TokenSource } from './token/token-source';
import { JsapiTicketService } from './token/jsapi-ticket.service';
import { WechatCallbackRoute } from './callback/wechat-callback.route';
import { WechatDispatcher } from './dispatch/wechat-dispatcher';
import { WechatRequestVerifier } from './callback/wechat-request.verifier';
import { wechatConfig } from './wechat.settings';

@Module({
  imports: [ConfigModule.forFeature(wechatConfig)],
  controllers: [WechatOAuthController],
  providers: [
    WechatRequestVerifier,
    WechatDispatcher,
    WechatCallbackRoute,
    WechatHttp,
    TokenSource,
    AccessTokenService,
    WechatApiClient,
    WechatMenuService,
    WechatTagsClient,
    LateReplyNotifier,
    IpRejectionCounter,
    IpAllowlistService,
    SessionSigner,
    WechatOAuthService,
    JsapiTicketService,
  ],
  exports: [
    WechatOAuthService,
    JsapiTicketService,
    WechatDispatcher,
    AccessTokenService,
    WechatApiClient,
    WechatMenuService,
    WechatTagsClient,
    IpRejectionCounter,
    SessionSigner,
  ],
})
export class WechatModule {}
