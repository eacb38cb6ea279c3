export * from './callback/wechat-request.verifier';
export * from './crypto/wechat-message-crypto';
export * from './crypto/wechat-signature';
export * from './routing/message-router.service';
export * from './routing/reply-texts';
export * from './wechat.module';
export * from './xml/wechat-xml.codec';
