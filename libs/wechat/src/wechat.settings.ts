import { IsIn, IsString, Matches, MinLength } from 'class-validator';
import { BoolSetting, IntSetting, OptionalSetting, defineSettings } from '@app/core';

/**
 * WeChat's settings: the official account, /wx callback limits, the API client, OAuth sessions.
 * Validated with every other lib's at boot.
 */
export class WechatSettings {
  @Matches(/^wx[0-9a-zA-Z]{6,32}$/, {
    message: 'WECHAT_APP_ID must be an appid such as wx1234567890abcdef',
  })
  WECHAT_APP_ID: string;

  @IsString()
  @MinLength(8, { message: 'WECHAT_APP_SECRET must be set (the AppSecret)' })
  WECHAT_APP_SECRET: string;

  @Matches(/^[A-Za-z0-9]{3,32}$/, { message: 'WECHAT_TOKEN must be 3-32 letters or digits' })
  WECHAT_TOKEN: string;

  @OptionalSetting()
  @Matches(/^[A-Za-z0-9+/]{43}$/, {
    message: 'WECHAT_ENCODING_AES_KEY must be 43 base64 characters',
  })
  WECHAT_ENCODING_AES_KEY?: string;

  @Matches(/^https?:\/\/[^/]+/, { message: 'WECHAT_API_BASE_URL must be an http(s) URL' })
  WECHAT_API_BASE_URL = 'https://api.weixin.qq.com';

  @IntSetting(1, 86400)
  WECHAT_TIMESTAMP_TOLERANCE_SECONDS = 300;

  @IntSetting(1024, 1048576)
  WECHAT_BODY_LIMIT_BYTES = 65536;

  /** With an EncodingAESKey set, plain (unencrypted, body-unsigned) pushes are refused unless
   * this is true: WeChat's 兼容模式 still sends encrypt_type=aes, so only a downgrade lacks it. */
  @BoolSetting()
  WECHAT_ACCEPT_PLAIN_MESSAGES = false;

  /** A /wx request slower than this is logged (with its stage); faster ones are sampled. */
  @IntSetting(1, 60000)
  WECHAT_SLOW_REQUEST_MS = 500;

  @IntSetting(100, 4500)
  WECHAT_REPLY_DEADLINE_MS = 3000;

  /** classic: GET cgi-bin/token; stable: POST cgi-bin/stable_token (independent of other callers). */
  @IsIn(['classic', 'stable'])
  WECHAT_TOKEN_MODE: 'classic' | 'stable' = 'classic';

  /** Per-call timeout for WeChat API requests. */
  @IntSetting(100, 30000)
  WECHAT_API_TIMEOUT_MS = 3000;

  /** Who may POST /wx: off | auto (the platform's getcallbackip list) | comma-separated IPs/CIDRs. */
  @Matches(/^(off|auto|[0-9A-Fa-f:.]+(\/\d{1,3})?(\s*,\s*[0-9A-Fa-f:.]+(\/\d{1,3})?)*)$/, {
    message: 'WECHAT_IP_ALLOWLIST must be off, auto or a comma-separated list of IPs/CIDRs',
  })
  WECHAT_IP_ALLOWLIST = 'off';

  /** WeChat's OAuth authorize page (tests point it at the fake platform). */
  @Matches(/^https?:\/\/[^/]+/, { message: 'WECHAT_OAUTH_AUTHORIZE_URL must be an http(s) URL' })
  WECHAT_OAUTH_AUTHORIZE_URL = 'https://open.weixin.qq.com/connect/oauth2/authorize';

  /** Lifetime of the signed wxc_session cookie set after the OAuth (snsapi_base) callback. */
  @IntSetting(60, 604800)
  OAUTH_SESSION_TTL_SECONDS = 7200;

  /**
   * `Secure` on the wxc_session cookie: true | false | auto (only for https requests, as seen
   * through a trusted proxy). Unset = true in production (TLS ends at the proxy), auto otherwise.
   */
  @OptionalSetting()
  @IsIn(['true', 'false', 'auto'])
  OAUTH_COOKIE_SECURE?: 'true' | 'false' | 'auto';

  /** HMAC key for wxc_session; unset = derived from JWT_SECRET. */
  @OptionalSetting()
  @IsString()
  @MinLength(32, { message: 'OAUTH_SESSION_SECRET must be at least 32 characters' })
  OAUTH_SESSION_SECRET?: string;
}

export const wechatConfig = defineSettings('wechat', WechatSettings, (s, env) => ({
  appId: s.WECHAT_APP_ID,
  appSecret: s.WECHAT_APP_SECRET,
  token: s.WECHAT_TOKEN,
  encodingAesKey: s.WECHAT_ENCODING_AES_KEY,
  apiBaseUrl: s.WECHAT_API_BASE_URL.replace(/\/+$/, ''),
  timestampToleranceSeconds: s.WECHAT_TIMESTAMP_TOLERANCE_SECONDS,
  bodyLimitBytes: s.WECHAT_BODY_LIMIT_BYTES,
  acceptPlainMessages: s.WECHAT_ACCEPT_PLAIN_MESSAGES,
  slowRequestMs: s.WECHAT_SLOW_REQUEST_MS,
  replyDeadlineMs: s.WECHAT_REPLY_DEADLINE_MS,
  tokenMode: s.WECHAT_TOKEN_MODE,
  apiTimeoutMs: s.WECHAT_API_TIMEOUT_MS,
  ipAllowlist: s.WECHAT_IP_ALLOWLIST.trim(),
  oauthAuthorizeUrl: s.WECHAT_OAUTH_AUTHORIZE_URL,
  oauthSessionTtlSeconds: s.OAUTH_SESSION_TTL_SECONDS,
  oauthCookieSecure:
    s.OAUTH_COOKIE_SECURE ?? (env.NODE_ENV === 'production' ? 'true' : ('auto' as const)),
  // Domain-separated from JWT signing inside the session signer, so one secret can serve both
  // (JWT_SECRET is the admin's setting, validated with it).
  oauthSessionSecret: s.OAUTH_SESSION_SECRET ?? String((env as { JWT_SECRET?: string }).JWT_SECRET),
}));

export type WechatConfig = ReturnType<typeof wechatConfig>;
