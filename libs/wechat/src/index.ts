// The public face of @app/wechat. Named exports only; anything not listed here is internal.
export { WechatModule } from './wechat.module';
export { WechatApiClient } from './api/wechat-api.client';
export { WechatApiError, WechatNetworkError } from './api/wechat-api.error';
export { AccessTokenService } from './token/access-token.service';
export { JsapiTicketService, jssdkSignature } from './token/jsapi-ticket.service';
export type { JssdkConfig } from './token/jsapi-ticket.service';
// Follower web sessions (snsapi_base OAuth): the h5 edge reads them.
export { SESSION_COOKIE, SessionSigner } from './oauth/session-signer';
export type { FollowerSession } from './oauth/session-signer';
export { WechatOAuthService } from './oauth/wechat-oauth.service';
export { WechatMenuService } from './menu/wechat-menu.service';
export { BATCH_TAGGING_MAX, WechatTagsClient } from './tags/wechat-tags.client';
export type { TagMembersPage, WechatTag } from './tags/wechat-tags.client';
export { toHttpError } from './api/platform-http-error';
export { IpRejectionCounter } from './allowlist/ip-rejection.counter';
// The wire format, for tools and tests that speak to /wx as WeChat does.
export { WechatMessageCrypto } from './crypto/wechat-message-crypto';
export { signaturesMatch, wechatSignature } from './crypto/wechat-signature';
export { buildXml, parseWechatXml } from './xml/wechat-xml.codec';
// The /wx dispatcher feature libraries register their handlers with.
export { HandlerOrder, messageKey, WechatDispatcher } from './dispatch/wechat-dispatcher';
export type { WechatMessage, WechatMessageHandler } from './dispatch/wechat-dispatcher';
// Reply texts followers read (tests assert them).
export { BUSY_TEXT, PENDING_TEXT } from './routing/reply-texts';
// The settings type the app reads (the lib registers and validates its own namespace).
export type { WechatConfig } from './wechat.settings';
