import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
} from 'class-validator';
import { productionSecretProblems } from './production-secrets';

const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : value;
const optionalInt = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : toInt({ value });
const optionalBool = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : toBool({ value });

/**
 * Every setting the service reads. Boot fails with a message naming each bad or missing key,
 * so a misconfigured instance never starts half-working.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @IsNotEmpty()
  HOST = '0.0.0.0';

  /**
   * Behind Nginx/a load balancer: take the client IP from X-Forwarded-For. `true` trusts every hop
   * (only safe when nothing can reach us directly), a number trusts that many hops, and a
   * comma-separated list of proxy IPs/CIDRs trusts only those proxies (recommended).
   */
  @Matches(
    /^(true|false|\d{1,2}|[0-9A-Fa-f:.]+(\/\d{1,3})?(\s*,\s*[0-9A-Fa-f:.]+(\/\d{1,3})?)*)$/,
    {
      message:
        'TRUST_PROXY must be true, false, a hop count or a comma-separated list of IPs/CIDRs',
    },
  )
  TRUST_PROXY = 'false';

  /** Admin API requests allowed per bearer token (per IP without one) in each window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ADMIN_RATE_LIMIT = 300;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  ADMIN_RATE_WINDOW_SECONDS = 60;

  /** Worker processes sharing the port (node:cluster); 1 = no cluster. Read by main.ts. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WEB_CONCURRENCY = 1;

  /** Origins allowed to call the admin API from a browser (comma-separated); empty = none. */
  @IsOptional()
  @Matches(/^(https?:\/\/[^,\s]+)(,\s*https?:\/\/[^,\s]+)*$|^$/, {
    message: 'CORS_ORIGINS must be comma-separated http(s) origins',
  })
  CORS_ORIGINS = '';

  @Matches(/^mysql:\/\/.+/, {
    message: 'DATABASE_URL must look like mysql://user:pass@host:3306/db',
  })
  DATABASE_URL: string;

  @Transform(toBool)
  @IsBoolean()
  DB_MIGRATIONS_RUN = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DB_POOL_SIZE = 20;

  /** Standalone Redis; not needed (and ignored) when REDIS_CLUSTER_NODES is set. */
  @ValidateIf((o: EnvironmentVariables) => o.REDIS_CLUSTER_NODES === undefined)
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must look like redis://host:6379/0' })
  REDIS_URL: string;

  /** Redis Cluster seed nodes, "host:port,host:port,...". When set it wins over REDIS_URL. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\s*[^\s:,]+:\d{1,5}\s*(,\s*[^\s:,]+:\d{1,5}\s*)*$/, {
    message:
      'REDIS_CLUSTER_NODES must be comma-separated host:port pairs, e.g. 10.0.0.1:6379,10.0.0.2:6379',
  })
  REDIS_CLUSTER_NODES?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^mongodb(\+srv)?:\/\/.+/, { message: 'MONGODB_URI must be a mongodb:// URI' })
  MONGODB_URI?: string;

  /** false turns AuditRecorder.record() into a no-op (to measure what auditing costs a claim). */
  @Transform(toBool)
  @IsBoolean()
  AUDIT_ENABLED = true;

  /** false: this instance only appends to the audit stream; other instances write the sink. */
  @Transform(toBool)
  @IsBoolean()
  AUDIT_CONSUMER_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  AUDIT_RETENTION_DAYS = 180;

  /** Approximate cap of the audit stream: the unwritten backlog a sink outage may build up. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(100_000_000)
  AUDIT_STREAM_MAXLEN = 1_000_000;

  /** Events per XREADGROUP / sink write. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(5000)
  AUDIT_BATCH_SIZE = 500;

  /** A consumer's unacked entries older than this are taken over (XAUTOCLAIM) by another. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  AUDIT_RECLAIM_IDLE_MS = 60_000;

  @Matches(/^wx[0-9a-zA-Z]{6,32}$/, {
    message: 'WECHAT_APP_ID must be an appid such as wx1234567890abcdef',
  })
  WECHAT_APP_ID: string;

  @IsString()
  @MinLength(8, { message: 'WECHAT_APP_SECRET must be set (the AppSecret)' })
  WECHAT_APP_SECRET: string;

  @Matches(/^[A-Za-z0-9]{3,32}$/, { message: 'WECHAT_TOKEN must be 3-32 letters or digits' })
  WECHAT_TOKEN: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}$/, {
    message: 'WECHAT_ENCODING_AES_KEY must be 43 base64 characters',
  })
  WECHAT_ENCODING_AES_KEY?: string;

  @Matches(/^https?:\/\/[^/]+/, { message: 'WECHAT_API_BASE_URL must be an http(s) URL' })
  WECHAT_API_BASE_URL = 'https://api.weixin.qq.com';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  WECHAT_TIMESTAMP_TOLERANCE_SECONDS = 300;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1048576)
  WECHAT_BODY_LIMIT_BYTES = 65536;

  /** With an EncodingAESKey set, plain (unencrypted, body-unsigned) pushes are refused unless
   * this is true: WeChat's 兼容模式 still sends encrypt_type=aes, so only a downgrade lacks it. */
  @Transform(toBool)
  @IsBoolean()
  WECHAT_ACCEPT_PLAIN_MESSAGES = false;

  /** A /wx request slower than this is logged (with its stage); faster ones are sampled. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60000)
  WECHAT_SLOW_REQUEST_MS = 500;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(4500)
  WECHAT_REPLY_DEADLINE_MS = 3000;

  /** classic: GET cgi-bin/token; stable: POST cgi-bin/stable_token (independent of other callers). */
  @IsIn(['classic', 'stable'])
  WECHAT_TOKEN_MODE: 'classic' | 'stable' = 'classic';

  /** Per-call timeout for WeChat API requests. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(30000)
  WECHAT_API_TIMEOUT_MS = 3000;

  /** Who may POST /wx: off | auto (the platform's getcallbackip list) | comma-separated IPs/CIDRs. */
  @Matches(/^(off|auto|[0-9A-Fa-f:.]+(\/\d{1,3})?(\s*,\s*[0-9A-Fa-f:.]+(\/\d{1,3})?)*)$/, {
    message: 'WECHAT_IP_ALLOWLIST must be off, auto or a comma-separated list of IPs/CIDRs',
  })
  WECHAT_IP_ALLOWLIST = 'off';

  /** Lifetime of the signed wxc_session cookie set after the OAuth (snsapi_base) callback. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(604800)
  OAUTH_SESSION_TTL_SECONDS = 7200;

  /**
   * `Secure` on the wxc_session cookie: true | false | auto (only for https requests, as seen
   * through a trusted proxy). Unset = true in production (TLS ends at the proxy), auto otherwise.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['true', 'false', 'auto'])
  OAUTH_COOKIE_SECURE?: 'true' | 'false' | 'auto';

  /** HMAC key for wxc_session; unset = derived from JWT_SECRET. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'OAUTH_SESSION_SECRET must be at least 32 characters' })
  OAUTH_SESSION_SECRET?: string;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_EXPIRES_IN_SECONDS = 900;

  /** Failed logins per username, then per client IP, within the window before a 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES_PER_USERNAME = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_MAX_FAILURES_PER_IP = 20;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_THROTTLE_WINDOW_SECONDS = 900;

  /** How long after a redemption the till may still undo it. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10080)
  REDEMPTION_UNDO_WINDOW_MINUTES = 30;

  /** Expiry job period; 0 turns the job off on this instance. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400)
  COUPON_EXPIRY_INTERVAL_SECONDS = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  COUPON_EXPIRY_BATCH_SIZE = 1000;

  /** How often lost stock slots (granted in Redis, never written) are given back; 0 = off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400)
  STOCK_RECONCILE_INTERVAL_SECONDS = 60;

  /** How long a slot (and a follower's count) must stay missing from MySQL before it is given
   * back: longer than any claim can still be writing its row. */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(86400)
  STOCK_RECONCILE_GRACE_SECONDS = 30;

  /** Text a follower sends to list their usable coupons. */
  @IsString()
  @MinLength(1)
  MY_COUPONS_KEYWORD = '我的优惠券';

  @Matches(/^[A-Za-z0-9_.-]{3,64}$/, {
    message: 'ADMIN_BOOTSTRAP_USERNAME must be 3-64 of [A-Za-z0-9_.-]',
  })
  ADMIN_BOOTSTRAP_USERNAME: string;

  @IsString()
  @MinLength(12, { message: 'ADMIN_BOOTSTRAP_PASSWORD must be at least 12 characters' })
  ADMIN_BOOTSTRAP_PASSWORD: string;

  @Matches(/^[A-Za-z0-9+/]{43}=$|^[0-9a-fA-F]{64}$/, {
    message: 'PII_ENCRYPTION_KEY must be 32 bytes as base64 (44 chars) or hex (64 chars)',
  })
  PII_ENCRYPTION_KEY: string;

  /** Key id stamped on values encrypted with PII_ENCRYPTION_KEY (lets a second key be added later). */
  @Matches(/^[A-Za-z0-9_-]{1,16}$/, {
    message: 'PII_ENCRYPTION_KEY_ID must be 1-16 of [A-Za-z0-9_-]',
  })
  PII_ENCRYPTION_KEY_ID = 'k1';

  /** Claims (keyword / menu / follow coupon) one follower may make per window; 0 = no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100000)
  WX_CLAIM_RATE_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  WX_CLAIM_RATE_WINDOW_SECONDS = 60;

  /** Swagger UI (/docs, /docs-json); unset = on, except in production. */
  @Transform(optionalBool)
  @IsOptional()
  @IsBoolean()
  SWAGGER_ENABLED?: boolean;

  /** Serve /metrics on this separate (internal) port only; unset = on the app port. 0 = ephemeral. */
  @Transform(optionalInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  /** Interface of the METRICS_PORT listener (e.g. a private address); unset = HOST. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  METRICS_HOST?: string;

  /** When set, /metrics needs `Authorization: Bearer <METRICS_TOKEN>` (Prometheus `authorization`). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Write JSON logs to this file instead of stdout (rotate it with logrotate copytruncate). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  LOG_FILE?: string;
}

/** ConfigModule `validate` hook: returns typed, defaulted values or throws naming every bad key. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  const lines = errors.map((e) => {
    const detail = Object.values(e.constraints ?? {}).join('; ');
    return `  - ${e.property}: ${detail || 'invalid'}`;
  });
  // Published example values are fine to develop with, never to run in production.
  if (env.NODE_ENV === 'production') {
    lines.push(...productionSecretProblems(raw).map((p) => `  - ${p}`));
  }
  if (lines.length > 0) throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  return env;
}
